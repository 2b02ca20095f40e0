import { DomainError } from '@crm/event-sourcing';
import { DEFAULT_WORKING_CALENDAR_PARAMS, defaultWorkingCalendarDocument } from './default-calendar';
import { WorkingCalendar } from './working-calendar';

const calendar = new WorkingCalendar(DEFAULT_WORKING_CALENDAR_PARAMS, 'v1');
const shanghai = (local: string): Date => new Date(`${local}+08:00`);
const threeWorkingDays = (local: string) => calendar.addWorkingDays(shanghai(local), 3);

describe('WorkingCalendar (Asia/Shanghai, official notices 2025 and 2026)', () => {
  it('knows the days of the notices: holidays, make-up Saturdays and Sundays, plain weekends', () => {
    expect(calendar.dayInfo('2025-10-01')).toMatchObject({ working: false, kind: 'holiday', known: true });
    expect(calendar.dayInfo('2025-10-08')).toMatchObject({ working: false, kind: 'holiday' });
    expect(calendar.dayInfo('2025-10-11')).toMatchObject({ working: true, kind: 'makeup_workday' });
    expect(calendar.dayInfo('2025-09-28')).toMatchObject({ working: true, kind: 'makeup_workday' });
    expect(calendar.dayInfo('2026-02-14')).toMatchObject({ working: true, kind: 'makeup_workday' });
    expect(calendar.dayInfo('2026-02-23')).toMatchObject({ working: false, kind: 'holiday', name: '春节' });
    expect(calendar.dayInfo('2026-03-07')).toMatchObject({ working: false, kind: 'weekend' });
    expect(calendar.dayInfo('2026-03-09')).toMatchObject({ working: true, kind: 'workday' });
    expect(calendar.coveredYears()).toEqual([2025, 2026]);
  });

  it('National Day 2025: registered on the last working day before it, due on the make-up Saturday after', () => {
    // 30 Sep 10:00 → 8 h that day; 1–8 Oct off; 9 and 10 Oct 9 h each; 1 h on Saturday 11 Oct (調休).
    expect(threeWorkingDays('2025-09-30T10:00:00')).toEqual({
      at: shanghai('2025-10-11T10:00:00'),
      calendarVersion: 'v1',
      calendarIncomplete: false,
      missingYears: [],
      provisional: false,
    });
  });

  it('Spring Festival 2026: the make-up Saturday before it counts, the nine days off do not', () => {
    // Fri 13 Feb 16:00 → 2 h; Sat 14 Feb (調休) 9 h; 15–23 Feb off; Tue 24 Feb 9 h; Wed 25 Feb 7 h.
    expect(threeWorkingDays('2026-02-13T16:00:00').at).toEqual(shanghai('2026-02-25T16:00:00'));
  });

  it('a case registered on a make-up Saturday starts its clock that day; on a plain Saturday on Monday', () => {
    expect(threeWorkingDays('2026-02-28T11:00:00').at).toEqual(shanghai('2026-03-04T11:00:00'));
    expect(threeWorkingDays('2026-03-07T11:00:00').at).toEqual(shanghai('2026-03-11T18:00:00'));
  });

  it('crosses the year end 2025 → 2026 over the New Year holiday and its make-up Sunday', () => {
    // Wed 31 Dec 15:00 → 3 h; 1–3 Jan off; Sun 4 Jan (調休) 9 h; Mon 5 Jan 9 h; Tue 6 Jan 6 h.
    expect(threeWorkingDays('2025-12-31T15:00:00')).toMatchObject({
      at: shanghai('2026-01-06T15:00:00'),
      calendarIncomplete: false,
    });
  });

  it('a year without an adopted notice falls back to the statutory holidays, and the result is provisional', () => {
    // Wed 30 Dec 2026 10:00 → 8 h; Thu 31 Dec 9 h; Fri 1 Jan 2027 元旦 off; weekend; Mon 4 Jan 9 h; Tue 5 Jan 1 h.
    expect(threeWorkingDays('2026-12-30T10:00:00')).toEqual({
      at: shanghai('2027-01-05T10:00:00'),
      calendarVersion: 'v1',
      calendarIncomplete: true,
      missingYears: [2027],
      provisional: true,
    });
    expect(calendar.dayInfo('2027-01-01')).toMatchObject({
      working: false,
      kind: 'holiday',
      name: '元旦',
      known: false,
    });
    expect(calendar.dayInfo('2027-02-05')).toMatchObject({ working: false, name: '春节', known: false });
    expect(calendar.dayInfo('2027-02-10')).toMatchObject({ working: true, kind: 'workday', known: false });
    expect(calendar.missingYearsAround(shanghai('2026-11-22T12:00:00'))).toEqual([2027]);
    expect(calendar.missingYearsAround(shanghai('2025-06-01T12:00:00'))).toEqual([]);
  });

  it('the warning 4 working hours before a deadline walks back over the night and weekends', () => {
    expect(calendar.subtractWorkingHours(shanghai('2025-10-11T10:00:00'), 4).at).toEqual(
      shanghai('2025-10-10T15:00:00'),
    );
    // Monday 10:00 minus 4 h: 1 h on Monday, 3 h on Friday (the weekend is skipped).
    expect(calendar.subtractWorkingHours(shanghai('2026-03-09T10:00:00'), 4).at).toEqual(
      shanghai('2026-03-06T15:00:00'),
    );
    expect(calendar.subtractWorkingHours(shanghai('2026-03-11T18:00:00'), 4).at).toEqual(
      shanghai('2026-03-11T14:00:00'),
    );
  });

  it('starts outside working hours at the next opening and ends a day that is used up at 18:00', () => {
    expect(calendar.addWorkingHours(shanghai('2026-03-09T20:00:00'), 9).at).toEqual(
      shanghai('2026-03-10T18:00:00'),
    );
    expect(calendar.addWorkingHours(shanghai('2026-03-09T07:00:00'), 1).at).toEqual(
      shanghai('2026-03-09T10:00:00'),
    );
  });

  it('measures working time between two instants (statistics: working hours to resolve)', () => {
    expect(
      calendar.workingTimeBetween(shanghai('2025-09-30T10:00:00'), shanghai('2025-10-11T10:00:00')),
    ).toMatchObject({ workingMinutes: 27 * 60, calendarIncomplete: false });
    expect(
      calendar.workingTimeBetween(shanghai('2026-03-09T10:00:00'), shanghai('2026-03-09T09:00:00'))
        .workingMinutes,
    ).toBe(0);
  });

  it('takes other working hours from the policy document', () => {
    const short = new WorkingCalendar(
      { ...DEFAULT_WORKING_CALENDAR_PARAMS, workingHours: { start: '08:30', end: '17:30' } },
      'v2',
    );
    expect(short.addWorkingHours(shanghai('2026-03-09T17:00:00'), 1).at).toEqual(
      shanghai('2026-03-10T09:00:00'),
    );
  });

  it('refuses malformed data with a typed error instead of computing wrong deadlines', () => {
    const attempt = (params: unknown) => () => new WorkingCalendar(params, 'v9');
    const broken = [
      { ...DEFAULT_WORKING_CALENDAR_PARAMS, workingHours: { start: '18:00', end: '09:00' } },
      { ...DEFAULT_WORKING_CALENDAR_PARAMS, years: [{ year: 2027, holidays: [], makeupWorkdays: [] }] },
      {
        ...DEFAULT_WORKING_CALENDAR_PARAMS,
        years: [
          { year: 2027, source: 'x', holidays: [{ date: '2026-01-01', name: 'x' }], makeupWorkdays: [] },
        ],
      },
      {
        ...DEFAULT_WORKING_CALENDAR_PARAMS,
        years: [
          {
            year: 2027,
            source: 'x',
            holidays: [{ date: '2027-01-01', name: 'x' }],
            makeupWorkdays: [{ date: '2027-01-01', name: 'x' }],
          },
        ],
      },
    ];
    for (const params of broken) expect(attempt(params)).toThrow(DomainError);
  });

  it('ships as a versioned policy document', () => {
    expect(defaultWorkingCalendarDocument).toMatchObject({
      policyId: 'calendar.working-days',
      version: 'v1',
    });
  });
});
