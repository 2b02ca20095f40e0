import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { Batch, BatchEntry } from '@/features/outreach/api/types';
import { holderByCustomer } from '@/features/outreach/utils/deal';

interface Row {
  readonly position: number;
  readonly entry: BatchEntry;
}

/** The entered records in entry order: new customers and duplicates (which keep their owner). */
export const BatchEntries = ({ batch }: { batch: Batch }) => {
  const { t } = useTranslation('outreach');
  const holders = holderByCustomer(batch.allocation);
  const rows: Row[] = (batch.entries ?? []).map((entry, position) => ({ position, entry }));
  return (
    <Table<Row>
      rowKey="position"
      size="small"
      dataSource={rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      columns={[
        { title: t('entries.position'), key: 'position', width: 80, render: (_, r) => r.position + 1 },
        {
          title: t('entries.customer'),
          key: 'customer',
          render: (_, r) => (
            <Link to={`/customers/${r.entry.customerId}`}>
              <Typography.Text code>{r.entry.customerId.slice(0, 8)}</Typography.Text>
            </Link>
          ),
        },
        {
          title: t('entries.kind'),
          key: 'kind',
          render: (_, r) =>
            r.entry.duplicate ? (
              <Tag color="orange">{t('entries.duplicate')}</Tag>
            ) : (
              <Tag color="green">{t('entries.new')}</Tag>
            ),
        },
        {
          title: t('entries.owner'),
          key: 'owner',
          render: (_, r) =>
            r.entry.duplicate
              ? t('entries.keptOwner', { bu: r.entry.ownerBu, employee: r.entry.ownerEmployeeId })
              : (holders.get(r.entry.customerId) ?? t('entries.awaiting')),
        },
      ]}
    />
  );
};
