import type { PolicyDocument } from '../policy-document';
import type { CalendarYear, WorkingCalendarParams } from './calendar-params';
import cn2025 from './data/cn-2025.json';
import cn2026 from './data/cn-2026.json';

/** Policy id of the working-day calendar; a new year's notice is adopted as a new version of it. */
export const WORKING_CALENDAR_POLICY = 'calendar.working-days';

/**
 * The official notices shipped with the code. 2027: no notice in our sources yet (chinese-days
 * 1.5.7 stops at 2026); adopt a version with its data via `POST /policies/calendar.working-days/versions`.
 */
export const DEFAULT_CALENDAR_YEARS: readonly CalendarYear[] = [cn2025, cn2026];

export const DEFAULT_WORKING_CALENDAR_PARAMS: WorkingCalendarParams = {
  timeZone: 'Asia/Shanghai',
  utcOffsetMinutes: 480,
  workingHours: { start: '09:00', end: '18:00' },
  weekendDays: [0, 6],
  years: DEFAULT_CALENDAR_YEARS,
};

export const defaultWorkingCalendarDocument: PolicyDocument<WorkingCalendarParams> = {
  policyId: WORKING_CALENDAR_POLICY,
  version: 'v1',
  effectiveFrom: '2025-01-01T00:00:00+08:00',
  params: DEFAULT_WORKING_CALENDAR_PARAMS,
  reason: 'State Council holiday notices for 2025 and 2026; working hours 09:00–18:00',
};
