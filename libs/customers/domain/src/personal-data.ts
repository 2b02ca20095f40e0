import { DomainError } from '@crm/event-sourcing';
import { maskMobile, parseMobileNumber, type MobileNumber } from './mobile-number';

/** The customer's personal information (domain §2.9). Never stored or published in this form. */
export interface PersonalData {
  readonly name: string;
  readonly mobile: MobileNumber;
  readonly address?: string;
}

/**
 * Personal data as it appears in events, messages and read models: encrypted with the customer's
 * own key, so deleting that key (forgetting, PIPL art. 47) makes every copy unreadable at once.
 * The domain treats it as opaque; sealing and opening are infrastructure.
 */
export type SealedPersonalData = {
  readonly alg: string;
  readonly keyId: string;
  readonly ciphertext: string;
};

export const NAME_MAX_LENGTH = 100;
export const ADDRESS_MAX_LENGTH = 300;

const invalid = (field: string, code: string, message: string): DomainError =>
  new DomainError('invalid', code, message, undefined, { field });

export interface PersonalDataInput {
  readonly name: string;
  readonly mobile: string;
  readonly address?: string | undefined;
}

/** Trims and validates the raw input; the mobile comes back normalised. */
export const parsePersonalData = (input: PersonalDataInput): PersonalData => {
  const name = input.name.trim();
  if (name.length === 0) throw invalid('name', 'customer.invalid_name', 'name must not be empty');
  if ([...name].length > NAME_MAX_LENGTH) {
    throw invalid('name', 'customer.invalid_name', `name must be at most ${NAME_MAX_LENGTH} characters`);
  }
  const mobile = parseMobileNumber(input.mobile);
  const address = input.address?.trim();
  if (address !== undefined && [...address].length > ADDRESS_MAX_LENGTH) {
    throw invalid(
      'address',
      'customer.invalid_address',
      `address must be at most ${ADDRESS_MAX_LENGTH} characters`,
    );
  }
  return address !== undefined && address.length > 0 ? { name, mobile, address } : { name, mobile };
};

/** `张三` → `张*`, `欧阳娜娜` → `欧***`: the first character only, by code point (CJK-safe). */
export const maskName = (name: string): string => {
  const chars = [...name.trim()];
  const first = chars[0];
  if (first === undefined) return '*';
  return first + '*'.repeat(Math.max(1, chars.length - 1));
};

/** The address is not shown to other BUs at all: even a district narrows a person down. */
export interface MaskedPersonalData {
  readonly name: string;
  readonly mobile: string;
}

export const maskPersonalData = (data: PersonalData): MaskedPersonalData => ({
  name: maskName(data.name),
  mobile: maskMobile(data.mobile),
});
