import { complaintsApi } from '@/shared/api/clients';
import { idempotencyHeaders } from '@/shared/api/idempotency';
import type { CaseAction } from '@/features/complaints/utils/case-actions';
import type { CalendarDay, CaseOutcome, RegisterCaseValues } from './types';

export const registerCase = async (values: RegisterCaseValues, key: string) => {
  const { data } = await complaintsApi.POST('/cases', {
    body: values as never,
    headers: idempotencyHeaders(key),
  });
  return data as unknown as { caseId: string; number: string };
};

const ACTION_PATHS = {
  classify: '/cases/{id}/classify',
  assign: '/cases/{id}/assign',
  investigate: '/cases/{id}/investigation',
  propose: '/cases/{id}/resolution',
  approve: '/cases/{id}/resolution/approval',
  sendBack: '/cases/{id}/resolution/send-back',
  reply: '/cases/{id}/reply',
  accept: '/cases/{id}/acceptance',
  reject: '/cases/{id}/rejection',
  notEstablished: '/cases/{id}/not-established',
  extend: '/cases/{id}/deadline-extension',
  followUp: '/cases/{id}/follow-up',
  waive: '/cases/{id}/follow-up-waiver',
  close: '/cases/{id}/close',
  archive: '/cases/{id}/archive',
} as const satisfies Record<CaseAction, string>;

/** Every lifecycle command on a case shares one request shape: a path and a body. */
export const actOnCase = async (
  caseId: string,
  action: CaseAction,
  body: Record<string, unknown>,
  key: string,
) => {
  const { data } = await complaintsApi.POST(ACTION_PATHS[action], {
    params: { path: { id: caseId } },
    body: body as never,
    headers: idempotencyHeaders(key),
  });
  return data as unknown as CaseOutcome;
};

export const adoptCalendarYear = async (
  values: { year: number; days: readonly CalendarDay[]; source?: string },
  key: string,
) => {
  const { data } = await complaintsApi.PUT('/calendar/years/{year}', {
    params: { path: { year: values.year } },
    body: values as never,
    headers: idempotencyHeaders(key),
  });
  return data as unknown as { calendarVersion: string; previousVersion: string; recomputedCases: number };
};
