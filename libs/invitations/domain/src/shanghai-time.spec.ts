import { INVITATION_POLICY_V1_PARAMS as P } from './invitation-policy';
import { addDays, countsForDay, isDay, localDay, localInstant } from './shanghai-time';
import { at } from './testing/fixtures';

describe('Asia/Shanghai business days', () => {
  it('INV-03: a confirmation at 18:00:00 counts for the same day, at 18:00:01 for the next', () => {
    expect(countsForDay(at('2026-12-05 18:00:00'), P)).toBe('2026-12-05');
    expect(countsForDay(at('2026-12-05 18:00:01'), P)).toBe('2026-12-06');
    expect(countsForDay(at('2026-12-31 23:59:59'), P)).toBe('2027-01-01');
  });

  it('takes the local day, not the UTC day', () => {
    expect(localDay(new Date('2026-12-05T16:30:00.000Z'), P)).toBe('2026-12-06');
    expect(localInstant('2026-12-05', '18:00', P).toISOString()).toBe('2026-12-05T10:00:00.000Z');
  });

  it('knows calendar days', () => {
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isDay('2026-02-30')).toBe(false);
    expect(isDay('2026-2-3')).toBe(false);
    expect(isDay('2026-02-28')).toBe(true);
  });
});
