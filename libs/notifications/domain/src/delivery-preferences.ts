import type { DeliveryChannel } from './notification-kinds';

/** A person's choices; a missing row means the defaults (e-mail on, group robots off). */
export type DeliveryPreferences = {
  readonly emailEnabled: boolean;
  /** Overrides the directory's work e-mail. */
  readonly email?: string;
  readonly wecomEnabled: boolean;
  readonly wecomWebhook?: string;
  readonly dingtalkEnabled: boolean;
  readonly dingtalkWebhook?: string;
};

export const DEFAULT_PREFERENCES: DeliveryPreferences = {
  emailEnabled: true,
  wecomEnabled: false,
  dingtalkEnabled: false,
};

export type PlannedDelivery = { readonly channel: DeliveryChannel; readonly target: string };

/**
 * Where a notification goes besides the centre: each enabled channel that has an address. The
 * target is fixed when the notification is made, so a retry after a restart goes to the same place.
 */
export const deliveryPlan = (
  preferences: DeliveryPreferences,
  directoryEmail: string | undefined,
): readonly PlannedDelivery[] => {
  const email = preferences.email ?? directoryEmail;
  return [
    ...(preferences.emailEnabled && email !== undefined
      ? [{ channel: 'email' as const, target: email }]
      : []),
    ...(preferences.wecomEnabled && preferences.wecomWebhook !== undefined
      ? [{ channel: 'wecom' as const, target: preferences.wecomWebhook }]
      : []),
    ...(preferences.dingtalkEnabled && preferences.dingtalkWebhook !== undefined
      ? [{ channel: 'dingtalk' as const, target: preferences.dingtalkWebhook }]
      : []),
  ];
};
