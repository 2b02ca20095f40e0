import { DomainError } from '@crm/event-sourcing';

declare const mobileBrand: unique symbol;

/** A normalised mainland-China mobile number: 11 digits, `1[3-9]…`. The customer's identity (ARC-20). */
export type MobileNumber = string & { readonly [mobileBrand]: true };

const SEPARATORS = /[\s\u3000\-‐‑–—]/g;
const MOBILE = /^1[3-9]\d{9}$/;

/**
 * Normalises what staff type (`+86 138-1234-1234`, `0086 13812341234`, `138 1234 1234`) to the
 * 11-digit form so the same person can never be registered twice under two spellings.
 * The refusal never echoes the input: it is personal data.
 */
export const parseMobileNumber = (raw: string): MobileNumber => {
  let digits = raw.replace(SEPARATORS, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  if (!MOBILE.test(digits)) {
    throw new DomainError(
      'invalid',
      'customer.invalid_mobile',
      'mobile must be a mainland China mobile number: 11 digits starting with 13-19 (optional +86/0086)',
      undefined,
      { field: 'mobile' },
    );
  }
  return digits as MobileNumber;
};

/** What other BUs see (domain §2.9): `138****1234`. */
export const maskMobile = (mobile: MobileNumber): string => `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
