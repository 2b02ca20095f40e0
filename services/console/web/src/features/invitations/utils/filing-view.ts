import type { DayFiling, FilingCutoff, JointEvent } from '@/features/invitations/api/types';

export type FilingView = 'on_time' | 'late' | 'missing' | 'pending';

/**
 * How a BU's list of a day reads on screen, from what the service recorded only: a filing it judged
 * on time, filings it judged late, a cut-off it reached (or a miss it recorded) with no filing, or
 * nothing yet before the cut-off.
 */
export const filingView = (day: DayFiling, cutoffReached: boolean): FilingView => {
  if (day.filings.some((f) => f.onTime)) return 'on_time';
  if (day.filings.length > 0) return 'late';
  return day.missed || cutoffReached ? 'missing' : 'pending';
};

/** The cut-off the service computed for a day of the window; undefined outside the window. */
export const cutoffOf = (event: Pick<JointEvent, 'cutoffs'>, day: string): FilingCutoff | undefined =>
  event.cutoffs.find((c) => c.day === day);

/**
 * The day to offer first in the filing form: today's list when today is a window day, the latest
 * past window day after the window, the first day before it. `today` is the Asia/Shanghai day.
 */
export const defaultFilingDay = (cutoffs: readonly FilingCutoff[], today: string): string | undefined =>
  [...cutoffs].reverse().find((c) => c.day <= today)?.day ?? cutoffs[0]?.day;
