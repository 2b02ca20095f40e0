import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { reasonLabel } from '@/shared/approvals/reason-label';
import { yuanOfFen } from '@/shared/ui/money';
import { QueryState } from '@/shared/ui/query-state';
import { useSession } from '@/shared/auth/session';
import { accountQuery, holdExplanationQuery } from '@/features/credit/api/queries';
import type { CreditAccount } from '@/features/credit/api/types';
import { AccountApprovals } from './account-approvals';
import { CompleteReviewForm, ProposeAdjustmentForm, RequestReleaseForm } from './account-forms';

type Order = CreditAccount['orders'][number];
type Invoice = CreditAccount['invoices'][number];

const day = (iso: string | undefined | null) => (iso ? new Date(iso).toLocaleDateString() : '—');

/** Why an order was held: what the decision saw and what happened since (CRD-41). */
const HoldExplanation = ({ accountId, orderId }: { accountId: string; orderId: string }) => {
  const { t } = useTranslation('credit');
  const { t: tc } = useTranslation();
  const query = useQuery(holdExplanationQuery(accountId, orderId));
  return (
    <QueryState query={query}>
      {(x) => (
        <Descriptions size="small" column={1} title={t('holds.explanation', { orderId })}>
          <Descriptions.Item label={t('holds.decision')}>
            {t(`holds.decisions.${x.decision}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('holds.seen')}>
            {t('holds.seenDetail', {
              grade: x.grade,
              limit: yuanOfFen(x.limitFen),
              exposure: yuanOfFen(x.exposureFen),
              amount: yuanOfFen(x.amountFen),
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('holds.reasons')}>
            {(x.reasons ?? []).map((r) => t(`holdReasons.${r}`)).join('、') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('holds.rules')}>{(x.rules ?? []).join(', ') || '—'}</Descriptions.Item>
          {(x.followUps ?? []).map((f) => (
            <Descriptions.Item
              key={`${f.type}-${f.at}`}
              label={t(`holds.followUps.${f.type}`, { defaultValue: f.type })}
            >
              {new Date(f.at).toLocaleString()} · {f.by} {f.reason ? `· ${reasonLabel(tc, f.reason)}` : ''}
            </Descriptions.Item>
          ))}
        </Descriptions>
      )}
    </QueryState>
  );
};

/** One credit account: limit and exposure, reviews, ledger, holds and their explanations, contract. */
export const AccountDetail = ({ accountId, orderId }: { accountId: string; orderId?: string }) => {
  const { t } = useTranslation('credit');
  const roles = useSession().person?.roles ?? [];
  const isManager = roles.includes('marketing_manager');
  const query = useQuery(accountQuery(accountId));
  return (
    <QueryState query={query}>
      {(a) => {
        const overdueReviews = Object.entries(a.reviewsOverdue ?? {});
        return (
          <Space direction="vertical" style={{ width: '100%' }}>
            {overdueReviews.map(([period, dueAt]) => (
              <Alert
                key={period}
                type="warning"
                showIcon
                data-testid={`review-overdue-${period}`}
                title={t('reviews.overdue', { period: t(`periods.${period}`), date: day(dueAt as string) })}
              />
            ))}
            {a.blocked && <Alert type="error" showIcon title={t('status.blockedDetail')} />}
            <AccountApprovals accountId={accountId} />
            <Card
              size="small"
              title={a.name}
              extra={isManager && a.activeLimit && <ProposeAdjustmentForm accountId={accountId} />}
            >
              <Descriptions size="small" column={{ xs: 1, md: 3 }}>
                <Descriptions.Item label={t('fields.grade')}>
                  {t(`grades.${a.grade ?? 'none'}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('fields.limit')}>{yuanOfFen(a.limitFen)}</Descriptions.Item>
                <Descriptions.Item label={t('fields.exposure')}>{yuanOfFen(a.exposureFen)}</Descriptions.Item>
                <Descriptions.Item label={t('fields.term')}>
                  {a.activeLimit?.termDays ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('fields.collateral')}>
                  {a.collateralValueFen === null ? '—' : yuanOfFen(a.collateralValueFen)}
                </Descriptions.Item>
                <Descriptions.Item label={t('fields.dossier')}>
                  {a.dossier
                    ? `v${a.dossier.version} · ${a.dossier.stale ? t('status.stale') : day(a.dossier.staleAt)}`
                    : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('fields.owner')}>{a.customer?.ownerBu ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('fields.pendingGrant')}>
                  {a.pendingGrant
                    ? `${yuanOfFen(a.pendingGrant.limitFen)} / ${a.pendingGrant.termDays}`
                    : '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('fields.pendingAdjustment')}>
                  {a.pendingAdjustment ? yuanOfFen(a.pendingAdjustment.newLimitFen) : '—'}
                </Descriptions.Item>
              </Descriptions>
            </Card>
            <Card size="small" title={t('reviews.title')}>
              <Space direction="vertical">
                {(['monthly', 'quarterly'] as const).map((period) => (
                  <Space key={period}>
                    <Typography.Text>{t(`periods.${period}`)}</Typography.Text>
                    <Typography.Text>{day(a.reviewsDue[period])}</Typography.Text>
                    {a.reviewsOverdue?.[period] && <Tag color="orange">{t('status.overdue')}</Tag>}
                    {isManager && a.reviewsDue[period] && (
                      <CompleteReviewForm accountId={accountId} period={period} />
                    )}
                  </Space>
                ))}
                {a.contract && (
                  <Typography.Text type="secondary">
                    {t('contract.period', {
                      from: day(a.contract.startsAt),
                      to: day(a.contract.endsAt),
                      renewal: day(a.contract.renewalOpensAt),
                    })}{' '}
                    {a.contract.clearedOnce ? t('contract.cleared') : t('contract.notCleared')}
                  </Typography.Text>
                )}
              </Space>
            </Card>
            <Card size="small" title={t('aging.title')}>
              <Descriptions size="small" column={4}>
                {a.aging.map((b) => (
                  <Descriptions.Item key={b.label} label={t('fields.aging', { label: b.label })}>
                    {yuanOfFen(b.fen)}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
            <Card size="small" title={t('ledger.title')}>
              <Table<Invoice>
                rowKey="invoiceId"
                size="small"
                pagination={false}
                dataSource={a.invoices}
                columns={[
                  { title: t('ledger.invoice'), dataIndex: 'invoiceId' },
                  { title: t('ledger.order'), dataIndex: 'orderId' },
                  { title: t('ledger.shipped'), dataIndex: 'shippedAt', render: day },
                  { title: t('ledger.due'), dataIndex: 'dueAt', render: day },
                  { title: t('ledger.amount'), dataIndex: 'amountFen', align: 'right', render: yuanOfFen },
                  { title: t('ledger.open'), dataIndex: 'openFen', align: 'right', render: yuanOfFen },
                  {
                    title: t('fields.status'),
                    key: 'status',
                    render: (_: unknown, i: Invoice) =>
                      i.escalated ? (
                        <Tag color="red">{t('ledger.escalated')}</Tag>
                      ) : i.markedOverdue && i.openFen > 0 ? (
                        <Tag color="orange">{t('status.overdue')}</Tag>
                      ) : null,
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('holds.title')}>
              <Table<Order>
                rowKey="orderId"
                size="small"
                pagination={false}
                dataSource={a.orders}
                expandable={{
                  defaultExpandedRowKeys: orderId ? [orderId] : [],
                  rowExpandable: (o) => o.reasons.length > 0,
                  expandedRowRender: (o) => <HoldExplanation accountId={accountId} orderId={o.orderId} />,
                }}
                columns={[
                  { title: t('ledger.order'), dataIndex: 'orderId' },
                  { title: t('holds.kind'), dataIndex: 'kind', render: (k: string) => t(`kinds.${k}`) },
                  { title: t('ledger.amount'), dataIndex: 'amountFen', align: 'right', render: yuanOfFen },
                  {
                    title: t('fields.status'),
                    dataIndex: 'status',
                    render: (s: string) => <Tag data-testid="order-status">{t(`orderStatus.${s}`)}</Tag>,
                  },
                  {
                    title: t('holds.reasons'),
                    dataIndex: 'reasons',
                    render: (rs: string[]) => rs.map((r) => t(`holdReasons.${r}`)).join('、'),
                  },
                  {
                    key: 'act',
                    render: (_: unknown, o: Order) =>
                      isManager && o.status === 'held' && o.releaseRequestedBy === undefined ? (
                        <RequestReleaseForm accountId={accountId} orderId={o.orderId} />
                      ) : null,
                  },
                ]}
              />
            </Card>
          </Space>
        );
      }}
    </QueryState>
  );
};
