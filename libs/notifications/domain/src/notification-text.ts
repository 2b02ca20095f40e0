import type { NotificationKind, NotificationParams } from './notification-kinds';

export type NotificationText = { readonly title: string; readonly body: string };

/** An instant as Beijing wall-clock time (`2026-12-05 18:00`), how people read deadlines. */
export const shanghaiTime = (iso: string | number | undefined): string => {
  if (typeof iso !== 'string' || Number.isNaN(Date.parse(iso))) return String(iso ?? '');
  const local = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
};

const yuan = (fen: string | number | undefined): string => (Number(fen ?? 0) / 100).toFixed(2);

type Texts = (p: NotificationParams) => { readonly zh: NotificationText; readonly en: NotificationText };

const TEXTS: Record<NotificationKind, Texts> = {
  major_case: (p) => ({
    zh: {
      title: `重大投诉 ${p['caseNumber']}`,
      body: `案件 ${p['caseNumber']} 已定为重大案件，请立即关注。`,
    },
    en: {
      title: `Major case ${p['caseNumber']}`,
      body: `Case ${p['caseNumber']} is major; please look at it now.`,
    },
  }),
  deadline_warning: (p) => ({
    zh: { title: '案件即将到期', body: `您处理的案件将于 ${shanghaiTime(p['dueAt'])} 到期。` },
    en: { title: 'Case deadline near', body: `A case you handle is due at ${shanghaiTime(p['dueAt'])}.` },
  }),
  overdue_reminder: (p) => ({
    zh: {
      title: `催办：案件已逾期（第 ${p['sequence']} 次）`,
      body: `案件已于 ${shanghaiTime(p['dueAt'])} 逾期，请尽快处理。`,
    },
    en: {
      title: `Reminder: case overdue (#${p['sequence']})`,
      body: `A case was due at ${shanghaiTime(p['dueAt'])} and is still open; please act now.`,
    },
  }),
  list_due: (p) => ({
    zh: {
      title: '邀约名单一小时内截止',
      body: `${p['day']} 的名单须在 ${shanghaiTime(p['cutoffAt'])} 前报送。`,
    },
    en: {
      title: 'Invitation list due within the hour',
      body: `The list for ${p['day']} is due at ${shanghaiTime(p['cutoffAt'])}.`,
    },
  }),
  conflict_to_rule: () => ({
    zh: { title: '邀约冲突待裁决', body: '两个事业部邀约了同一位顾客，需要您裁决。' },
    en: {
      title: 'Invitation conflict to rule',
      body: 'Two business units claim the same customer; your ruling is needed.',
    },
  }),
  approval_waiting: (p) => ({
    zh: { title: '赊销订单待审批', body: `订单 ${p['orderId']}（${yuan(p['amountFen'])} 元）等待您的审批。` },
    en: {
      title: 'Credit sale awaiting approval',
      body: `Order ${p['orderId']} (CNY ${yuan(p['amountFen'])}) waits for your decision.`,
    },
  }),
  account_blocked: (p) => ({
    zh: { title: '信用账户已冻结', body: `账户 ${p['accountId']} 因逾期发票被冻结新增赊销。` },
    en: {
      title: 'Credit account blocked',
      body: `Account ${p['accountId']} is blocked for new credit: an invoice is overdue.`,
    },
  }),
  review_due: (p) => ({
    zh: {
      title: '信用复审到期',
      body: `账户 ${p['accountId']} 的复审（${p['reviewKind']}）应于 ${p['dueOn']} 完成。`,
    },
    en: {
      title: 'Credit review due',
      body: `Account ${p['accountId']}: review (${p['reviewKind']}) due on ${p['dueOn']}.`,
    },
  }),
};

/** The text of a notification for e-mail and group robots: Chinese first, English second. */
export const notificationText = (
  kind: NotificationKind,
  params: NotificationParams,
): { readonly zh: NotificationText; readonly en: NotificationText } => TEXTS[kind](params);
