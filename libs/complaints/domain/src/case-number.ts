import { DomainError } from '@crm/event-sourcing';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The numbering month `YYMM` of an instant, in Asia/Shanghai (serials restart monthly, CMP-NUM-02). */
export const numberingMonth = (at: Date): string => {
  const local = new Date(at.getTime() + SHANGHAI_OFFSET_MS);
  return `${String(local.getUTCFullYear() % 100).padStart(2, '0')}${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
};

/** `YYMM-NNNN` (CMP-NUM-01); a serial that no longer fits the digits is refused, never truncated. */
export const formatCaseNumber = (month: string, serial: number, digits: number): string => {
  const text = String(serial);
  if (!Number.isInteger(serial) || serial < 1 || text.length > digits) {
    throw new DomainError(
      'rule',
      'case.number_exhausted',
      `serial ${serial} does not fit ${digits} digits`,
      'CMP-NUM-01',
      {
        month,
        serial,
      },
    );
  }
  return `${month}-${text.padStart(digits, '0')}`;
};
