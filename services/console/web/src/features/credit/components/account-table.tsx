import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Input, Select, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { yuanOfFen } from '@/shared/ui/money';
import { QueryState } from '@/shared/ui/query-state';
import type { AccountFilter } from '@/features/credit/api/keys';
import { accountListQuery } from '@/features/credit/api/queries';
import type { CreditAccountListItem } from '@/features/credit/api/types';

const AGING = ['0-30', '31-60', '61-90', '>90'];

/** The credit desk: every account with grade, limit, exposure, overdue and aging; most overdue first. */
export const AccountTable = () => {
  const { t } = useTranslation('credit');
  const [filter, setFilter] = useState<AccountFilter>({ page: 1, limit: 20 });
  const query = useQuery(accountListQuery(filter));
  const change = (patch: Partial<AccountFilter>) => setFilter((f) => ({ ...f, page: 1, ...patch }));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder={t('list.search')}
          onSearch={(search) => change({ search: search || undefined })}
          style={{ width: 240 }}
        />
        <Select
          allowClear
          placeholder={t('list.grade')}
          style={{ width: 140 }}
          options={['A', 'B', 'C', 'none'].map((g) => ({ value: g, label: t(`grades.${g}`) }))}
          onChange={(grade?: AccountFilter['grade']) => change({ grade })}
        />
        <Select
          allowClear
          placeholder={t('list.overdue')}
          style={{ width: 180 }}
          options={[
            { value: 'true', label: t('list.overdueOnly') },
            { value: 'false', label: t('list.notOverdue') },
          ]}
          onChange={(overdue?: AccountFilter['overdue']) => change({ overdue })}
        />
      </Space>
      <QueryState query={query}>
        {(data) => (
          <Table<CreditAccountListItem>
            rowKey="accountId"
            size="small"
            dataSource={data.items}
            pagination={{
              current: filter.page,
              pageSize: filter.limit,
              total: data.total,
              onChange: (page, limit) => setFilter((f) => ({ ...f, page, limit })),
            }}
            columns={[
              {
                title: t('fields.name'),
                dataIndex: 'name',
                render: (name: string, r) => <Link to={`/credit/accounts/${r.accountId}`}>{name}</Link>,
              },
              {
                title: t('fields.grade'),
                dataIndex: 'grade',
                render: (g: string | null) => <Tag>{t(`grades.${g ?? 'none'}`)}</Tag>,
              },
              {
                title: t('fields.limit'),
                dataIndex: 'limitFen',
                align: 'right',
                render: (f: number) => yuanOfFen(f),
              },
              {
                title: t('fields.exposure'),
                dataIndex: 'exposureFen',
                align: 'right',
                render: (f: number) => yuanOfFen(f),
              },
              {
                title: t('fields.overdue'),
                dataIndex: 'overdueFen',
                align: 'right',
                render: (f: number) => (f > 0 ? <Tag color="red">{yuanOfFen(f)}</Tag> : yuanOfFen(f)),
              },
              ...AGING.map((label, i) => ({
                title: t('fields.aging', { label }),
                key: `aging-${label}`,
                align: 'right' as const,
                render: (_: unknown, r: CreditAccountListItem) => yuanOfFen(r.agingFen[i] ?? 0),
              })),
              {
                title: t('fields.status'),
                key: 'status',
                render: (_: unknown, r: CreditAccountListItem) => (
                  <Space wrap>
                    {r.blocked && <Tag color="red">{t('status.blocked')}</Tag>}
                    {r.reviewsOverdue.map((p) => (
                      <Tag key={p} color="orange">
                        {t('status.reviewOverdue', { period: t(`periods.${p}`) })}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Space>
  );
};
