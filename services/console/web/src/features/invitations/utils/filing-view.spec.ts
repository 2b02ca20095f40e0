import type { DayFiling } from '@/features/invitations/api/types';
import { cutoffOf, defaultFilingDay, filingView } from './filing-view';

const day = (over: Partial<DayFiling> = {}): DayFiling => ({
  onTimeCustomers: [],
  listedCustomers: [],
  planned: [],
  plannedOnTime: false,
  plannedFiled: false,
  plannedMissed: false,
  plannedFined: false,
  filings: [],
  missed: false,
  fined: false,
  ...over,
});

const cutoffs = [
  { day: '2026-12-08', cutoffAt: '2026-12-08T10:00:00.000Z' },
  { day: '2026-12-09', cutoffAt: '2026-12-09T10:00:00.000Z' },
  { day: '2026-12-10', cutoffAt: '2026-12-10T08:00:00.000Z' },
];

describe('a BU list of a day on screen', () => {
  it('is on time once any filing was judged on time, even with a late amendment', () => {
    const filings = [
      { filedAt: '2026-12-08T09:00:00.000Z', onTime: true },
      { filedAt: '2026-12-08T11:00:00.000Z', onTime: false },
    ];
    expect(filingView(day({ filings }), true)).toBe('on_time');
  });

  it('is late when every filing came after the cut-off', () => {
    expect(filingView(day({ filings: [{ filedAt: '2026-12-08T11:00:00.000Z', onTime: false }] }), true)).toBe(
      'late',
    );
  });

  it('is missing once the service reached the cut-off or recorded the miss, pending before', () => {
    expect(filingView(day(), true)).toBe('missing');
    expect(filingView(day({ missed: true }), false)).toBe('missing');
    expect(filingView(day(), false)).toBe('pending');
  });
});

describe('cut-offs from the service', () => {
  it('finds the cut-off of a window day and none outside the window', () => {
    expect(cutoffOf({ cutoffs }, '2026-12-09')?.cutoffAt).toBe('2026-12-09T10:00:00.000Z');
    expect(cutoffOf({ cutoffs }, '2026-12-11')).toBeUndefined();
  });

  it("offers today's list in the window, the last day after it and the first day before it", () => {
    expect(defaultFilingDay(cutoffs, '2026-12-09')).toBe('2026-12-09');
    expect(defaultFilingDay(cutoffs, '2026-12-12')).toBe('2026-12-10');
    expect(defaultFilingDay(cutoffs, '2026-12-01')).toBe('2026-12-08');
    expect(defaultFilingDay([], '2026-12-01')).toBeUndefined();
  });
});
