import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/shared/i18n/i18n';
import { yuanOfFen } from '@/shared/ui/money';
import { ProblemAlert } from '@/shared/ui/problem-alert';
import { QueryState } from '@/shared/ui/query-state';
import { caseQuery, explanationQuery } from '@/features/complaints/api/queries';
import type { CalendarBasis, CaseView, Decision } from '@/features/complaints/api/types';
import { CaseActions } from './case-actions';

const DEADLINE_EVENTS = ['CaseDeadlineSet', 'CaseDeadlineRecomputed', 'DeadlineWarningIssued', 'CaseOverdue'];

type Translate = (key: string, values: Record<string, unknown>) => string;

const calendarLabel = (basis: CalendarBasis | undefined, t: Translate) =>
  basis === undefined
    ? '—'
    : basis.provisional || basis.calendarIncomplete
      ? t('deadline.calendarProvisional', {
          version: basis.calendarVersion,
          years: basis.missingYears.join(', '),
        })
      : t('deadline.calendarAdopted', { version: basis.calendarVersion });

/** The deadline history: each computation, recomputation on a new calendar, warning and overdue. */
const DeadlineHistory = ({ decisions }: { decisions: readonly Decision[] }) => {
  const { t } = useTranslation('complaints');
  const label: Translate = (key, values) => t(key, values);
  const rows = decisions.filter((d) => DEADLINE_EVENTS.includes(d.type));
  return (
    <Table<Decision>
      rowKey="version"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('history.when'), render: (_, d) => formatDateTime(d.recordedAt) },
        { title: t('history.what'), render: (_, d) => t(`history.types.${d.type}`) },
        { title: t('history.dueAt'), render: (_, d) => formatDateTime(String(d.data['dueAt'] ?? '')) },
        {
          title: t('history.from'),
          render: (_, d) =>
            d.type === 'CaseDeadlineRecomputed'
              ? t('history.previous', { at: formatDateTime(String(d.data['previousDueAt'])) })
              : d.data['from']
                ? formatDateTime(String(d.data['from']))
                : '—',
        },
        {
          title: t('history.calendar'),
          render: (_, d) =>
            d.type === 'CaseDeadlineRecomputed'
              ? `${calendarLabel(d.data['previousCalendar'] as CalendarBasis, label)} → ${calendarLabel(d.data['calendar'] as CalendarBasis, label)}`
              : calendarLabel(d.calendar, label),
        },
      ]}
    />
  );
};

const Explanation = ({ decisions }: { decisions: readonly Decision[] }) => {
  const { t } = useTranslation('complaints');
  const { t: tc } = useTranslation();
  return (
    <Timeline
      items={decisions.map((d) => ({
        key: d.version,
        children: (
          <Space direction="vertical" size={0}>
            <Typography.Text strong>
              {t(`history.types.${d.type}`, { defaultValue: d.decision })}
            </Typography.Text>
            <Typography.Text type="secondary">
              {formatDateTime(d.recordedAt)} · {tc(`roles.${d.actor.role}`, { defaultValue: d.actor.role })}{' '}
              {d.actor.id}
              {d.rule ? ` · ${d.rule}` : ''}
              {d.policyVersion ? ` · ${t('history.policy', { version: d.policyVersion })}` : ''}
            </Typography.Text>
          </Space>
        ),
      }))}
    />
  );
};

/** The case page: facts, deadline, the actions the person's role allows, its explanation and deadline history. */
export const CaseDetail = ({
  caseId,
  person,
  canExplain,
}: {
  caseId: string;
  person: { employeeId: string; roles: readonly string[] };
  canExplain: boolean;
}) => {
  const { t } = useTranslation('complaints');
  const { t: tc } = useTranslation();
  const query = useQuery(caseQuery(caseId));
  const explanation = useQuery(explanationQuery(caseId, canExplain));
  return (
    <QueryState query={query}>
      {(c: CaseView) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card title={t('detail.actions')}>
            <CaseActions c={c} person={person} />
          </Card>
          <Card title={`${c.number} · ${c.subject}`}>
            <Descriptions
              column={2}
              items={[
                { key: 'kind', label: t('fields.kind'), children: t(`kinds.${c.kind}`) },
                { key: 'channel', label: t('fields.channel'), children: t(`channels.${c.channel}`) },
                { key: 'status', label: t('fields.status'), children: t(`statuses.${c.status}`) },
                {
                  key: 'severity',
                  label: t('fields.severity'),
                  children: (
                    <Tag color={c.severity === 'major' ? 'red' : 'default'}>
                      {t(`severities.${c.severity}`)}
                    </Tag>
                  ),
                },
                { key: 'customer', label: t('fields.customerId'), children: c.customerId },
                { key: 'cause', label: t('fields.cause'), children: c.cause ? t(`causes.${c.cause}`) : '—' },
                {
                  key: 'concerned',
                  label: t('fields.concernedEmployeeId'),
                  children: `${c.concernedEmployeeId} (${c.concernedBu})`,
                },
                {
                  key: 'handler',
                  label: t('fields.handlerId'),
                  children: c.handlerId ? `${c.handlerId} (${c.responsibleBu ?? ''})` : '—',
                },
                {
                  key: 'received',
                  label: t('fields.receivedAt'),
                  children: (
                    <span data-testid="case-received-at">
                      {formatDateTime(c.receivedAt ?? c.registeredAt)}
                    </span>
                  ),
                },
                {
                  key: 'entered',
                  label: t('fields.registeredAt'),
                  children: t('detail.enteredBy', { at: formatDateTime(c.registeredAt), who: c.receiverId }),
                },
                {
                  key: 'due',
                  label: t('fields.dueAt'),
                  children: (
                    <>
                      <span data-testid="case-due-at">{formatDateTime(c.dueAt)}</span>
                      {c.deadline?.calendar?.provisional || c.deadline?.calendar?.calendarIncomplete ? (
                        <Tag style={{ marginInlineStart: 8 }}>{t('deadline.provisional')}</Tag>
                      ) : null}
                    </>
                  ),
                },
                {
                  key: 'approver',
                  label: t('fields.requiredApprover'),
                  children: c.requiredApprover
                    ? t('detail.waitsFor', { role: tc(`roles.${c.requiredApprover}`) })
                    : '—',
                },
              ]}
            />
            <Typography.Paragraph>{c.description}</Typography.Paragraph>
            {c.items.length > 0 && (
              <Table
                rowKey="itemId"
                size="small"
                pagination={false}
                dataSource={[...c.items]}
                columns={[
                  { title: t('fields.itemKind'), render: (_, i) => t(`itemKinds.${i.kind}`) },
                  { title: t('fields.itemDescription'), dataIndex: 'description' },
                  { title: t('fields.amountYuan'), render: (_, i) => `¥${yuanOfFen(i.amountFen)}` },
                  {
                    title: t('fields.approved'),
                    render: (_, i) => (c.approvedItemIds.includes(i.itemId) ? t('detail.approved') : '—'),
                  },
                ]}
              />
            )}
          </Card>
          {explanation.error && <ProblemAlert error={explanation.error} />}
          {explanation.data && (
            <>
              <Card title={t('detail.deadlineHistory')}>
                <DeadlineHistory decisions={explanation.data.decisions} />
              </Card>
              <Card title={t('detail.explanation')}>
                <Explanation decisions={explanation.data.decisions} />
              </Card>
            </>
          )}
        </Space>
      )}
    </QueryState>
  );
};
