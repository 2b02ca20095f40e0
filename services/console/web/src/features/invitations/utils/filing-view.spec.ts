import type { DayFiling } from '@/features/invitations/api/types';
import { cutoffOf, filingView, nextFilingDay } from './filing-view';

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

  it('offers the next cut-off still ahead, else the last day', () => {
    expect(nextFilingDay(cutoffs, Date.parse('2026-12-08T10:00:01.000Z'))).toBe('2026-12-09');
    expect(nextFilingDay(cutoffs, Date.parse('2026-12-01T00:00:00.000Z'))).toBe('2026-12-08');
    expect(nextFilingDay(cutoffs, Date.parse('2026-12-11T00:00:00.000Z'))).toBe('2026-12-10');
    expect(nextFilingDay([], 0)).toBeUndefined();
  });
});
