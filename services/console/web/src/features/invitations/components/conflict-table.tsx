import { useQuery } from '@tanstack/react-query';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Badge, Segmented, Space, Tag, Tooltip } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { conflictsQuery } from '@/features/invitations/api/queries';
import type { Conflict, ConflictStatus } from '@/features/invitations/api/types';
import { conflictActions } from '@/features/invitations/utils/conflict-policy';
import { ConflictDecisionForm } from './conflict-decision-form';

const STATUSES: readonly ConflictStatus[] = ['open', 'escalated', 'ruled', 'final'];
const STATUS_BADGE = {
  open: 'warning',
  escalated: 'error',
  ruled: 'processing',
  final: 'success',
} as const satisfies Record<ConflictStatus, string>;

const statusOf = (params: URLSearchParams): ConflictStatus | undefined => {
  const s = params.get('status');
  return STATUSES.find((x) => x === s);
};

/** The coordinator's (and the GM's) conflict queue, filtered by status in the URL. */
export const ConflictTable = ({
  access,
  jointEventId,
}: {
  access: { readonly canRuleConflicts: boolean; readonly canGiveFinalRuling: boolean };
  /** Only this event's conflicts (the queue endpoint has no event filter: kept on screen). */
  jointEventId?: string;
}) => {
  const { t } = useTranslation('invitations');
  const [params, setParams] = useSearchParams();
  const status = statusOf(params);
  const query = useQuery(conflictsQuery(status));
  const columns: ProColumns<Conflict>[] = [
    {
      title: t('fields.jointEventId'),
      dataIndex: 'jointEventId',
      render: (_, c) => (
        <Link to={`/invitations/events/${c.jointEventId}`}>{c.jointEventId.slice(0, 8)}</Link>
      ),
    },
    { title: t('fields.customerId'), dataIndex: 'customerId', copyable: true },
    {
      title: t('fields.claimants'),
      key: 'claimants',
      render: (_, c) => (
        <Space size={4} wrap>
          {c.claimants.map((cl) => (
            <Tooltip
              key={cl.bu}
              title={t('conflicts.claimantDetail', {
                employee: cl.employeeId,
                at: formatDateTime(cl.confirmedAt),
                day: cl.countsForDay,
              })}
            >
              <Tag>{t('conflicts.claimant', { bu: cl.bu, filing: t(`filing.${cl.filing}`) })}</Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
    {
      title: t('fields.conflictStatus'),
      dataIndex: 'status',
      render: (_, c) => (
        <Badge
          status={STATUS_BADGE[c.status]}
          data-status={c.status}
          text={t(`conflictStatus.${c.status}`)}
        />
      ),
    },
    {
      title: t('fields.winnerBu'),
      key: 'winner',
      render: (_, c) =>
        c.winnerBu ? (
          <Space size={4}>
            <Tag>{c.winnerBu}</Tag>
            {c.basis && <Tag>{t(`basis.${c.basis}`, { defaultValue: c.basis })}</Tag>}
          </Space>
        ) : (
          '—'
        ),
    },
    { title: t('fields.decidedBy'), dataIndex: 'decidedBy', render: (_, c) => c.decidedBy ?? '—' },
    {
      title: t('fields.detectedAt'),
      dataIndex: 'detectedAt',
      render: (_, c) => formatDateTime(c.detectedAt),
    },
    {
      title: t('fields.actions'),
      key: 'actions',
      render: (_, c) => {
        const can = conflictActions(c.status, access);
        return access.canGiveFinalRuling ? (
          <ConflictDecisionForm conflict={c} decision="final" can={can.finalRuling} />
        ) : (
          <Space>
            <ConflictDecisionForm conflict={c} decision="rule" can={can.rule} />
            <ConflictDecisionForm conflict={c} decision="escalate" can={can.escalate} />
          </Space>
        );
      },
    },
  ];
  return (
    <>
      {query.error && <ProblemAlert error={query.error} />}
      <ProTable<Conflict>
        rowKey={(c) => `${c.jointEventId}|${c.customerId}`}
        columns={columns}
        dataSource={(query.data ?? []).filter((c) => !jointEventId || c.jointEventId === jointEventId)}
        loading={query.isFetching}
        options={false}
        search={false}
        pagination={{ pageSize: 20 }}
        headerTitle={
          <Segmented
            value={status ?? 'all'}
            options={[
              { value: 'all', label: t('conflictStatus.all') },
              ...STATUSES.map((s) => ({ value: s, label: t(`conflictStatus.${s}`) })),
            ]}
            onChange={(v) => setParams(v === 'all' ? {} : { status: String(v) })}
          />
        }
      />
    </>
  );
};
