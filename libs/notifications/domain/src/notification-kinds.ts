/** The domain events that call for a person (issue: Console II §4), one kind each. */
export const NOTIFICATION_KINDS = [
  'major_case',
  'deadline_warning',
  'overdue_reminder',
  'list_due',
  'conflict_to_rule',
  'approval_waiting',
  'account_blocked',
  'review_due',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Channels besides the console's notification centre, which every notification reaches. */
export const DELIVERY_CHANNELS = ['email', 'wecom', 'dingtalk'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];

/** Values a notification's text is filled from (ids, instants, numbers; never personal data). */
export type NotificationParams = Readonly<Record<string, string | number>>;
