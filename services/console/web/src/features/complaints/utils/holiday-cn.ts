import type { CalendarDay } from '@/features/complaints/api/types';

export type HolidayCnParse =
  | { ok: true; year: number; days: CalendarDay[] }
  | { ok: false; error: 'json' | 'shape' | 'year'; detail?: string };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * An uploaded holiday-cn file (`{year, days: [{name, date, isOffDay}]}`) checked before it fills the
 * editor; the service checks it again on adoption.
 */
export const parseHolidayCn = (text: string, expectedYear: number): HolidayCnParse => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, error: 'json' };
  }
  if (typeof value !== 'object' || value === null) return { ok: false, error: 'shape' };
  const { year, days } = value as { year?: unknown; days?: unknown };
  if (typeof year !== 'number' || !Array.isArray(days)) return { ok: false, error: 'shape' };
  if (year !== expectedYear) return { ok: false, error: 'year', detail: String(year) };
  const parsed: CalendarDay[] = [];
  for (const day of days as unknown[]) {
    const d = day as { name?: unknown; date?: unknown; isOffDay?: unknown };
    if (
      typeof d.name !== 'string' ||
      typeof d.date !== 'string' ||
      !DATE.test(d.date) ||
      typeof d.isOffDay !== 'boolean'
    ) {
      return { ok: false, error: 'shape', detail: JSON.stringify(day) };
    }
    parsed.push({ name: d.name, date: d.date, isOffDay: d.isOffDay });
  }
  return { ok: true, year, days: parsed.sort((a, b) => a.date.localeCompare(b.date)) };
};
