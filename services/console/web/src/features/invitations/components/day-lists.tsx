import { useQuery } from '@tanstack/react-query';
import { Badge, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';
import { QueryState } from '@/shared/ui/query-state';
import { dayListsQuery } from '@/features/invitations/api/queries';
import type { DayFiling } from '@/features/invitations/api/types';
import { filingView, type FilingView } from '@/features/invitations/utils/filing-view';

const STATUS = {
  on_time: 'success',
  late: 'warning',
  missing: 'error',
  pending: 'processing',
} as const satisfies Record<FilingView, string>;

type Row = { bu: string } & DayFiling;

/**
 * The day's lists as the service lets this person see them (INV-04: a BU manager sees only the own
 * BU's list before the morning release), with what was late or missing and fined.
 */
export const DayLists = ({
  jointEventId,
  day,
  cutoffReached,
}: {
  jointEventId: string;
  day: string;
  cutoffReached: boolean;
}) => {
  const { t } = useTranslation('invitations');
  const query = useQuery(dayListsQuery(jointEventId, day));
  return (
    <QueryState query={query} isEmpty={(d) => d.lists.length === 0}>
      {(data) => (
        <Table<Row>
          size="small"
          rowKey="bu"
          pagination={false}
          title={() => (
            <Typography.Text>
              {t('lists.dayTitle', { day })}{' '}
              <Badge
                status={data.released ? 'success' : 'default'}
                text={data.released ? t('detail.released') : t('detail.notReleased')}
              />
            </Typography.Text>
          )}
          dataSource={[...data.lists]}
          columns={[
            { title: t('fields.bu'), dataIndex: 'bu' },
            {
              title: t('fields.filingStatus'),
              key: 'status',
              render: (_, r) => {
                const view = filingView(r, cutoffReached);
                return <Badge status={STATUS[view]} data-status={view} text={t(`filing.${view}`)} />;
              },
            },
            {
              title: t('fields.listed'),
              key: 'listed',
              render: (_, r) =>
                t('lists.counts', { listed: r.listedCustomers.length, onTime: r.onTimeCustomers.length }),
            },
            {
              title: t('fields.plannedShort'),
              key: 'planned',
              render: (_, r) =>
                r.plannedMissed ? (
                  <Badge status="error" text={t('filing.missing')} />
                ) : r.plannedFiled ? (
                  <Badge
                    status={r.plannedOnTime ? 'success' : 'warning'}
                    text={t('lists.plannedCount', { count: r.planned.length })}
                  />
                ) : (
                  '—'
                ),
            },
            {
              title: t('fields.filings'),
              key: 'filings',
              render: (_, r) =>
                r.filings.length === 0
                  ? '—'
                  : r.filings.map((f) => (
                      <Tag key={f.filedAt}>
                        {`${formatDateTime(f.filedAt)} ${t(f.onTime ? 'filing.on_time' : 'filing.late')}`}
                      </Tag>
                    )),
            },
            {
              title: t('fields.fined'),
              key: 'fined',
              render: (_, r) =>
                r.fined || r.plannedFined ? <Badge status="error" text={t('lists.fined')} /> : '—',
            },
          ]}
        />
      )}
    </QueryState>
  );
};
