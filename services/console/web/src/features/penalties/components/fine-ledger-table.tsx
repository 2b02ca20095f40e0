import { useQuery } from '@tanstack/react-query';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { fineListQuery } from '@/features/penalties/api/queries';
import type { Fine, FineFilter, FineStatus } from '@/features/penalties/api/types';
import { currentMonth, yuan } from '@/features/penalties/utils/fine-view';
import { FineStatusTag } from './fine-status';
import { PayrollExportButtons } from './payroll-export-buttons';

const FILTERS = ['bu', 'employeeId', 'rule', 'month', 'status'] as const;

const filterOf = (params: URLSearchParams): FineFilter => {
  const filter: Record<string, string> = {};
  for (const name of [...FILTERS, 'after'] as const) {
    const value = params.get(name);
    if (value) filter[name] = value;
  }
  return filter as FineFilter;
};

/**
 * The company's penalty ledger: every fine resolved to the employee who pays it, filtered by BU,
 * employee, rule, month and status; cursor pages. Payroll export buttons for the filtered month.
 */
export const FineLedgerTable = ({ canExport }: { canExport: boolean }) => {
  const { t } = useTranslation('penalties');
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const query = useQuery(fineListQuery(filter));
  const month = filter.month ?? currentMonth(new Date());
  const columns: ProColumns<Fine>[] = [
    {
      title: t('fields.issuedAt'),
      dataIndex: 'issuedAt',
      search: false,
      render: (_, f) => <Link to={`/penalties/fines/${f.fineId}`}>{formatDateTime(f.issuedAt)}</Link>,
    },
    {
      title: t('fields.employee'),
      dataIndex: 'employeeId',
      key: 'employeeId',
      render: (_, f) =>
        f.employeeId === null ? (
          <Tag color="red">{t('payee.unresolved')}</Tag>
        ) : (
          <span>
            {f.employeeName ?? f.employeeId}{' '}
            <Typography.Text type="secondary">{f.employeeId}</Typography.Text>
          </span>
        ),
    },
    { title: t('fields.bu'), dataIndex: 'issuedBu', key: 'bu' },
    {
      title: t('fields.amount'),
      dataIndex: 'amountFen',
      search: false,
      render: (_, f) => t('money.yuan', { amount: yuan(f.amountFen) }),
    },
    { title: t('fields.rule'), dataIndex: 'rule', key: 'rule', render: (_, f) => <Tag>{f.rule}</Tag> },
    {
      title: t('fields.month'),
      dataIndex: 'issuedMonth',
      key: 'month',
      fieldProps: { placeholder: 'YYYY-MM' },
      render: (_, f) => f.issuedMonth,
    },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      key: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(
        (['issued', 'appealed', 'upheld', 'waived'] as FineStatus[]).map((s) => [
          s,
          { text: t(`status.${s}`) },
        ]),
      ),
      render: (_, f) => <FineStatusTag status={f.status} />,
    },
    {
      title: t('fields.source'),
      dataIndex: 'sourceService',
      search: false,
      render: (_, f) =>
        `${t(`source.${f.sourceService}`, { defaultValue: f.sourceService })} · ${f.causeReference.slice(0, 12)}`,
    },
  ];
  const apply = (values: Record<string, unknown>) => {
    const next: Record<string, string> = {};
    for (const name of FILTERS) {
      const value = values[name];
      if (typeof value === 'string' && value.trim()) next[name] = value.trim();
    }
    setParams(next);
  };
  return (
    <>
      {query.error && <ProblemAlert error={query.error} />}
      <ProTable<Fine>
        rowKey="fineId"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        options={false}
        form={{ initialValues: filter }}
        onSubmit={apply}
        onReset={() => setParams({})}
        pagination={false}
        headerTitle={<Typography.Text strong>{t('ledgerHeader', { month })}</Typography.Text>}
        toolBarRender={() =>
          canExport
            ? [<PayrollExportButtons key="export" month={month} {...(filter.bu ? { bu: filter.bu } : {})} />]
            : []
        }
      />
      <Space style={{ marginTop: 16 }}>
        {filter.after && (
          <Button
            onClick={() => {
              const next = new URLSearchParams(params);
              next.delete('after');
              setParams(next);
            }}
          >
            {t('paging.first')}
          </Button>
        )}
        {query.data?.nextCursor && (
          <Button
            onClick={() => {
              const next = new URLSearchParams(params);
              next.set('after', query.data?.nextCursor ?? '');
              setParams(next);
            }}
          >
            {t('paging.next')}
          </Button>
        )}
      </Space>
    </>
  );
};
