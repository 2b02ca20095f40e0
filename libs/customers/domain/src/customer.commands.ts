import type { DomainCommand } from '@crm/event-sourcing';

/** How the customer came to us (domain §2.1); `outreach` is a 科普 seminar. */
export const REGISTRATION_SOURCES = ['outreach', 'walk_in', 'phone', 'referral', 'event'] as const;
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number];

export const isRegistrationSource = (value: unknown): value is RegistrationSource =>
  typeof value === 'string' && (REGISTRATION_SOURCES as readonly string[]).includes(value);

/**
 * Plain personal data travels only in the command (in memory, never stored); the decision seals it
 * before it becomes part of an event.
 */
export type RegisterCustomer = DomainCommand<
  'RegisterCustomer',
  {
    readonly customerId: string;
    readonly source: RegistrationSource;
    readonly name: string;
    readonly mobile: string;
    readonly address?: string;
    readonly referredBy?: string;
  }
>;

export type CustomerCommand = RegisterCustomer;
