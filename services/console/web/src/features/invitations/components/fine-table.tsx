import { useQuery } from '@tanstack/react-query';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { finesQuery } from '@/features/invitations/api/queries';
import type { Fine } from '@/features/invitations/api/types';
import { yuanOfFen } from '@/shared/ui/money';

/** The penalty ledger of the invitations service (domain §3.7); a BU manager starts on the own BU. */
export const FineTable = ({ ownBu }: { ownBu?: string }) => {
  const { t } = useTranslation('invitations');
  const [params, setParams] = useSearchParams();
  const bu = params.has('bu') ? params.get('bu') || undefined : ownBu;
  const query = useQuery(finesQuery(bu));
  const total = (query.data ?? []).reduce((sum, f) => sum + BigInt(f.amountFen), 0n);
  const columns: ProColumns<Fine>[] = [
    {
      title: t('fields.issuedAt'),
      dataIndex: 'issuedAt',
      search: false,
      render: (_, f) => formatDateTime(f.issuedAt),
    },
    { title: t('fields.bu'), dataIndex: 'bu', key: 'bu' },
    {
      title: t('fields.employeeId'),
      dataIndex: 'employeeId',
      search: false,
      render: (_, f) => f.employeeId ?? t('fines.byRole'),
    },
    {
      title: t('fields.role'),
      dataIndex: 'role',
      search: false,
      render: (_, f) => t(`roles.${f.role}`, { ns: 'common', defaultValue: f.role }),
    },
    {
      title: t('fields.amount'),
      dataIndex: 'amountFen',
      search: false,
      render: (_, f) => t('money.yuan', { amount: yuanOfFen(f.amountFen) }),
    },
    { title: t('fields.rule'), dataIndex: 'rule', search: false, render: (_, f) => <Tag>{f.rule}</Tag> },
    { title: t('fields.reason'), dataIndex: 'reason', search: false },
    {
      title: t('fields.jointEventId'),
      dataIndex: 'jointEventId',
      search: false,
      render: (_, f) => (
        <Link to={`/invitations/events/${f.jointEventId}`}>{f.jointEventId.slice(0, 8)}</Link>
      ),
    },
    { title: t('fields.policyVersion'), dataIndex: 'policyVersion', search: false },
  ];
  return (
    <>
      {query.error && <ProblemAlert error={query.error} />}
      <ProTable<Fine>
        rowKey="fineId"
        columns={columns}
        dataSource={query.data ?? []}
        loading={query.isFetching}
        options={false}
        form={{ initialValues: { bu } }}
        onSubmit={(values: { bu?: string }) => setParams({ bu: values.bu ?? '' })}
        onReset={() => setParams({ bu: '' })}
        pagination={{ pageSize: 20 }}
        headerTitle={
          <Typography.Text strong>
            {t('fines.total', { count: query.data?.length ?? 0, amount: yuanOfFen(total.toString()) })}
          </Typography.Text>
        }
      />
    </>
  );
};
