import { useQuery } from '@tanstack/react-query';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { batchListQuery } from '@/features/outreach/api/queries';
import type { BatchListItem } from '@/features/outreach/api/types';
import { batchFilterFromParams, paramsFromBatchFilter } from '@/features/outreach/utils/batch-filter';
import { BATCH_STEPS } from '@/features/outreach/utils/batch-steps';
import { BatchStatusTag } from './batch-status-tag';

/** The batches the person works on, newest first; server-side paging, the filter in the URL. */
export const BatchTable = () => {
  const { t } = useTranslation('outreach');
  const [params, setParams] = useSearchParams();
  const filter = batchFilterFromParams(params);
  const query = useQuery(batchListQuery(filter));
  const columns: ProColumns<BatchListItem>[] = [
    {
      title: t('fields.seminar'),
      dataIndex: 'seminar',
      search: false,
      render: (_, b) => <Link to={`/outreach/${b.batchId}`}>{b.seminar}</Link>,
    },
    { title: t('fields.bu'), dataIndex: 'bu', search: false },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: Object.fromEntries(BATCH_STEPS.map((s) => [s, { text: t(`status.${s}`) }])),
      render: (_, b) => <BatchStatusTag status={b.status} />,
    },
    {
      title: t('fields.participants'),
      dataIndex: 'participants',
      search: false,
      render: (_, b) => b.participants.join('、'),
    },
    { title: t('fields.recordCount'), dataIndex: 'recordCount', search: false },
    {
      title: t('fields.entered'),
      dataIndex: 'entered',
      search: false,
      render: (_, b) =>
        b.entered === null
          ? '—'
          : t('list.enteredCount', { entered: b.entered, duplicates: b.duplicates ?? 0 }),
    },
    { title: t('fields.submittedBy'), dataIndex: 'submittedBy', search: false },
    {
      title: t('fields.submittedAt'),
      dataIndex: 'submittedAt',
      search: false,
      render: (_, b) => formatDateTime(b.submittedAt),
    },
  ];
  return (
    <>
      {query.error && <ProblemAlert error={query.error} />}
      <ProTable<BatchListItem>
        rowKey="batchId"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        options={false}
        form={{ initialValues: { status: filter.status } }}
        onSubmit={(values: { status?: BatchListItem['status'] }) =>
          setParams(paramsFromBatchFilter({ ...filter, page: 1, status: values.status }))
        }
        onReset={() => setParams(paramsFromBatchFilter({ page: 1, limit: filter.limit }))}
        pagination={{
          current: filter.page,
          pageSize: filter.limit,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, limit) => setParams(paramsFromBatchFilter({ ...filter, page, limit })),
        }}
      />
    </>
  );
};
