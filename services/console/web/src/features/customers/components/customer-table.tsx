import { useQuery } from '@tanstack/react-query';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Badge, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { customerListQuery } from '@/features/customers/api/queries';
import type { Customer } from '@/features/customers/api/types';
import { filterFromParams, paramsFromFilter } from '@/features/customers/utils/list-filter';

/** Server-side paging; the filter lives in the URL (console-style §2–3); TanStack Query is the only fetcher. */
export const CustomerTable = () => {
  const { t } = useTranslation('customers');
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const query = useQuery(customerListQuery(filter));
  const columns: ProColumns<Customer>[] = [
    {
      title: t('fields.name'),
      dataIndex: ['personalData', 'name'],
      search: false,
      render: (_, c) => (
        <Link to={`/customers/${c.customerId}`}>{c.personalData.name ?? t('forgotten')}</Link>
      ),
    },
    { title: t('fields.mobile'), dataIndex: ['personalData', 'mobile'], search: false },
    { title: t('fields.ownerBu'), dataIndex: 'ownerBu', key: 'ownerBu' },
    { title: t('fields.owner'), dataIndex: 'ownerEmployeeId', search: false },
    {
      title: t('fields.source'),
      dataIndex: 'source',
      search: false,
      render: (_, c) => t(`sources.${c.source}`),
    },
    {
      title: t('fields.tier'),
      dataIndex: 'tier',
      search: false,
      render: (_, c) => (c.tier ? <Tag>{t(`tiers.${c.tier}`)}</Tag> : '—'),
    },
    {
      title: t('fields.status'),
      dataIndex: 'lapsed',
      search: false,
      render: (_, c) =>
        c.lapsed ? (
          <Badge status="warning" text={t('lapsed')} />
        ) : (
          <Badge status="success" text={t('served')} />
        ),
    },
    {
      title: t('fields.registeredAt'),
      dataIndex: 'registeredAt',
      search: false,
      render: (_, c) => formatDateTime(c.registeredAt),
    },
  ];
  return (
    <>
      {query.error && <ProblemAlert error={query.error} />}
      <ProTable<Customer>
        rowKey="customerId"
        columns={columns}
        dataSource={query.data?.items ?? []}
        loading={query.isFetching}
        options={false}
        form={{ initialValues: { ownerBu: filter.ownerBu } }}
        onSubmit={(values: { ownerBu?: string }) =>
          setParams(paramsFromFilter({ ...filter, page: 1, ownerBu: values.ownerBu || undefined }))
        }
        onReset={() => setParams(paramsFromFilter({ page: 1, limit: filter.limit }))}
        pagination={{
          current: filter.page,
          pageSize: filter.limit,
          total: query.data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, limit) => setParams(paramsFromFilter({ ...filter, page, limit })),
        }}
      />
    </>
  );
};
