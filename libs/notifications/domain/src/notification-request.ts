import { deterministicUuid } from '@crm/event-sourcing';
import type { NotificationKind, NotificationParams } from './notification-kinds';

/** One named person, or whoever holds `post` (in `bu`; `null`: in any unit, e.g. the GM). */
export type Audience =
  { readonly employeeId: string } | { readonly post: string; readonly bu: string | null };

/** What an inbound event asks for: a kind of notification, to an audience, pointing at an item. */
export type NotificationRequest = {
  readonly kind: NotificationKind;
  /** The event it comes from: with the kind and the recipient it makes the notification's identity. */
  readonly sourceEventId: string;
  readonly audience: readonly Audience[];
  readonly params: NotificationParams;
  /** The console path of the item it is about. */
  readonly link: string;
  readonly occurredAt: string;
};

/**
 * The same event, kind and person always give the same id, so a redelivered event, a restart or a
 * person reached through two audiences (handler and BU manager) yields one notification.
 */
export const notificationId = (sourceEventId: string, kind: NotificationKind, recipientId: string): string =>
  deterministicUuid('notification', sourceEventId, kind, recipientId);
