import { Lunar, Solar } from 'lunar-typescript';
import type { CalendarDay } from './calendar-params';

const iso = (solar: Solar): string => solar.toYmd();

/**
 * The public holidays the national regulation (全国年节及纪念日放假办法, 2024 revision) fixes every
 * year, before the State Council's notice adds bridges and make-up working days (調休): what a
 * year without an adopted calendar falls back to. Lunar dates and the Qingming solar term come
 * from lunar-typescript; a day that two festivals share is listed once (under the one the regulation lists first).
 */
export const statutoryHolidays = (year: number): CalendarDay[] => {
  const days = new Map<string, string>();
  const add = (solar: Solar, name: string): void => {
    const date = iso(solar);
    if (!days.has(date) && date.startsWith(`${year}-`)) days.set(date, name);
  };
  const span = (first: Solar, count: number, name: string): void => {
    for (let i = 0; i < count; i++) add(first.next(i), name);
  };
  span(Solar.fromYmd(year, 1, 1), 1, '元旦');
  // 春节: Chinese New Year's Eve (the day before the 1st of the first lunar month) to the 3rd day.
  span(Lunar.fromYmd(year, 1, 1).getSolar().next(-1), 4, '春节');
  const qingming = Solar.fromYmd(year, 4, 20).getLunar().getJieQiTable()['清明'];
  if (qingming !== undefined) span(qingming, 1, '清明节');
  span(Solar.fromYmd(year, 5, 1), 2, '劳动节');
  span(Lunar.fromYmd(year, 5, 5).getSolar(), 1, '端午节');
  span(Lunar.fromYmd(year, 8, 15).getSolar(), 1, '中秋节');
  span(Solar.fromYmd(year, 10, 1), 3, '国庆节');
  return [...days.entries()]
    .map(([date, name]) => ({ date, name }))
    .sort((a, b) => a.date.localeCompare(b.date));
};
