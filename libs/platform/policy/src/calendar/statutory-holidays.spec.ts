import { statutoryHolidays } from './statutory-holidays';
import { calendarYearFromHolidayCn, holidayCnFromCalendarYear } from './holiday-cn';
import { DomainError } from '@crm/event-sourcing';

const datesOf = (year: number, name: string): string[] =>
  statutoryHolidays(year)
    .filter((d) => d.name === name)
    .map((d) => d.date);

describe('statutory holidays (the days the regulation fixes every year, lunar dates by lunar-typescript)', () => {
  it('Spring Festival: New Year’s Eve to the 3rd day of the first lunar month (2026, 2027)', () => {
    // 2026: New Year's Day of the lunar calendar is Tue 17 Feb; 2027: Sat 6 Feb.
    expect(datesOf(2026, '春节')).toEqual(['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19']);
    expect(datesOf(2027, '春节')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']);
  });

  it('the other festivals of 2027: fixed dates, the Qingming solar term, Dragon Boat and Mid-Autumn', () => {
    expect(statutoryHolidays(2027)).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' },
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-07', name: '春节' },
      { date: '2027-02-08', name: '春节' },
      { date: '2027-04-05', name: '清明节' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-02', name: '国庆节' },
      { date: '2027-10-03', name: '国庆节' },
    ]);
  });

  it('agrees with the adopted 2025 and 2026 notices on every statutory day', () => {
    // The notices add bridges around these days; each statutory day is off in them.
    expect(datesOf(2025, '清明节')).toEqual(['2025-04-04']);
    expect(datesOf(2025, '端午节')).toEqual(['2025-05-31']);
    expect(datesOf(2025, '中秋节')).toEqual(['2025-10-06']);
    expect(datesOf(2026, '端午节')).toEqual(['2026-06-19']);
    expect(datesOf(2026, '中秋节')).toEqual(['2026-09-25']);
  });

  it('a Mid-Autumn Festival inside the National Day holiday is one day off, not two (2028)', () => {
    const days = statutoryHolidays(2028);
    expect(days.filter((d) => d.date === '2028-10-03')).toEqual([{ date: '2028-10-03', name: '中秋节' }]);
    expect(days).toHaveLength(12);
  });
});

describe('holiday-cn layout', () => {
  it('converts both ways, days off as holidays and worked days as make-up working days', () => {
    const year = calendarYearFromHolidayCn(
      {
        year: 2027,
        days: [
          { name: '元旦', date: '2027-01-01', isOffDay: true },
          { name: '春节', date: '2027-02-14', isOffDay: false },
        ],
      },
      'notice',
    );
    expect(year).toEqual({
      year: 2027,
      source: 'notice',
      holidays: [{ date: '2027-01-01', name: '元旦' }],
      makeupWorkdays: [{ date: '2027-02-14', name: '春节' }],
    });
    expect(holidayCnFromCalendarYear(year).days).toHaveLength(2);
  });

  it('names the field of a day outside the year or listed twice', () => {
    const attempt = (date: string) => () =>
      calendarYearFromHolidayCn(
        {
          year: 2027,
          days: [
            { name: '元旦', date: '2027-01-01', isOffDay: true },
            { name: 'x', date, isOffDay: true },
          ],
        },
        's',
      );
    for (const date of ['2026-12-31', '2027-01-01']) {
      expect(attempt(date)).toThrow(DomainError);
      try {
        attempt(date)();
      } catch (e) {
        expect((e as DomainError).details).toEqual({ field: 'days[1].date' });
      }
    }
  });
});
