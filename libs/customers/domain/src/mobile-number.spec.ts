import { DomainError } from '@crm/event-sourcing';
import { maskMobile, parseMobileNumber } from './mobile-number';

describe('parseMobileNumber', () => {
  it.each([
    ['13812341234', '13812341234'],
    ['138 1234 1234', '13812341234'],
    ['138-1234-1234', '13812341234'],
    ['+86 138 1234 1234', '13812341234'],
    ['+8613812341234', '13812341234'],
    ['0086-138-1234-1234', '13812341234'],
    ['  19912345678  ', '19912345678'],
    ['138\u30001234\u30001234', '13812341234'],
  ])('normalises %j to %s', (raw, expected) => {
    expect(parseMobileNumber(raw)).toBe(expected);
  });

  it.each([
    ['empty', ''],
    ['too short', '1381234123'],
    ['too long', '138123412345'],
    ['second digit 2', '12812341234'],
    ['landline', '02112345678'],
    ['letters', '1381234abcd'],
    ['other country code', '+85213812341234'],
  ])('refuses %s as customer.invalid_mobile without echoing it', (_label, raw) => {
    let caught: unknown;
    try {
      parseMobileNumber(raw);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect(caught).toMatchObject({
      kind: 'invalid',
      code: 'customer.invalid_mobile',
      details: { field: 'mobile' },
    });
    if (raw.length > 0) expect(JSON.stringify(caught) + (caught as Error).message).not.toContain(raw);
  });

  it('gives the same identity for different spellings of one number', () => {
    expect(parseMobileNumber('+86 139-0000-1111')).toBe(parseMobileNumber('0086 13900001111'));
  });
});

describe('maskMobile', () => {
  it('keeps the first three and last four digits', () => {
    expect(maskMobile(parseMobileNumber('13812341234'))).toBe('138****1234');
  });
});
