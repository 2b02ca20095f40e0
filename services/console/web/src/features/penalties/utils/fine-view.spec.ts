import type { Fine } from '@/features/penalties/api/types';
import { canAppeal, canDecide, currentMonth, yuan } from './fine-view';

const fine = (over: Partial<Fine>): Fine =>
  ({
    fineId: 'f-1',
    employeeId: 'e-1',
    status: 'issued',
    appealDeadline: '2026-12-12T11:00:00.000Z',
    ...over,
  }) as Fine;

describe('fine view', () => {
  it('formats fen as yuan', () => {
    expect(yuan(1000)).toBe('10.00');
    expect(yuan(50_005)).toBe('500.05');
  });

  it('the fined employee appeals an issued fine until the deadline', () => {
    const before = new Date('2026-12-12T11:00:00.000Z');
    expect(canAppeal(fine({}), 'e-1', before)).toBe(true);
    expect(canAppeal(fine({}), 'e-2', before)).toBe(false);
    expect(canAppeal(fine({}), 'e-1', new Date('2026-12-12T11:00:00.001Z'))).toBe(false);
    expect(canAppeal(fine({ status: 'appealed' }), 'e-1', before)).toBe(false);
  });

  it('the GM decides appealed fines only', () => {
    expect(canDecide(fine({ status: 'appealed' }), ['staff', 'gm'])).toBe(true);
    expect(canDecide(fine({ status: 'appealed' }), ['bu_manager'])).toBe(false);
    expect(canDecide(fine({ status: 'issued' }), ['gm'])).toBe(false);
  });

  it('the current month is Beijing time', () => {
    expect(currentMonth(new Date('2026-11-30T16:30:00.000Z'))).toBe('2026-12');
  });
});
