import { useQuery } from '@tanstack/react-query';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Tag } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { QUEUE_PAGE_SIZE, queueQuery } from '@/features/complaints/api/queries';
import { CASE_KINDS, OPEN_STATUSES, SEVERITIES, type QueueItem } from '@/features/complaints/api/types';
import { filterFromParams, paramsFromFilter } from '@/features/complaints/utils/queue-filter';
import { DeadlineCountdown } from './deadline-countdown';

type SearchValues = { kind?: string; severity?: string; bu?: string; status?: string };

const options = (values: readonly string[], label: (v: string) => string) =>
  Object.fromEntries(values.map((v) => [v, { text: label(v) }]));

/** The person's queue, soonest deadline first, with the filters in the URL (domain §4.3, §4.5). */
export const CaseQueueTable = ({ toolbar }: { toolbar?: React.ReactNode }) => {
  const { t } = useTranslation('complaints');
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const query = useQuery(queueQuery(filter));
  const columns: ProColumns<QueueItem>[] = [
    {
      title: t('fields.number'),
      dataIndex: 'number',
      search: false,
      render: (_, c) => <Link to={`/complaints/${c.caseId}`}>{c.number}</Link>,
    },
    {
      title: t('fields.kind'),
      dataIndex: 'kind',
      valueType: 'select',
      valueEnum: options(CASE_KINDS, (v) => t(`kinds.${v}`)),
    },
    {
      title: t('fields.severity'),
      dataIndex: 'severity',
      valueType: 'select',
      valueEnum: options(SEVERITIES, (v) => t(`severities.${v}`)),
      render: (_, c) => (
        <Tag color={c.severity === 'major' ? 'red' : 'default'}>{t(`severities.${c.severity}`)}</Tag>
      ),
    },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: options(OPEN_STATUSES, (v) => t(`statuses.${v}`)),
    },
    { title: t('fields.subject'), dataIndex: 'subject', search: false, ellipsis: true },
    { title: t('fields.bu'), dataIndex: 'bu' },
    {
      title: t('fields.handlerId'),
      dataIndex: 'handlerId',
      search: false,
      render: (_, c) => c.handlerId ?? '—',
    },
    {
      title: t('fields.receivedAt'),
      dataIndex: 'receivedAt',
      search: false,
      render: (_, c) => formatDateTime(c.receivedAt),
    },
    {
      title: t('fields.deadline'),
      key: 'deadline',
      search: false,
      render: (_, c) => (
        <DeadlineCountdown
          dueAt={c.dueAt}
          remainingWorkingMinutes={c.remainingWorkingMinutes}
          state={c.deadlineState}
          provisional={c.provisional}
        />
      ),
    },
  ];
  return (
    <>
      {query.error && <ProblemAlert error={query.error} />}
      <ProTable<QueueItem>
        rowKey="caseId"
        columns={columns}
        dataSource={[...(query.data?.items ?? [])]}
        loading={query.isFetching}
        options={false}
        toolBarRender={() => (toolbar ? [toolbar] : [])}
        form={{
          initialValues: {
            kind: filter.kind,
            severity: filter.severity,
            bu: filter.bu,
            status: filter.status,
          },
        }}
        onSubmit={(values: SearchValues) => setParams(paramsFromFilter({ ...values, page: 1 }))}
        onReset={() => setParams(paramsFromFilter({ page: 1 }))}
        pagination={{
          current: filter.page,
          pageSize: QUEUE_PAGE_SIZE,
          total: query.data?.total ?? 0,
          showSizeChanger: false,
          onChange: (page) => setParams(paramsFromFilter({ ...filter, page })),
        }}
      />
    </>
  );
};
