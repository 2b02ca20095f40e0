import { invitationsApi } from '@/shared/api/clients';
import { idempotencyHeaders } from '@/shared/api/idempotency';
import type { FileListValues, InvitationAnswer, ScheduleValues } from './types';

export const scheduleJointEvent = async (values: ScheduleValues, key: string) => {
  const { data } = await invitationsApi.POST('/joint-events', {
    body: values as never,
    headers: idempotencyHeaders(key),
  });
  return data as unknown as { jointEventId: string };
};

export const confirmInvitation = async (jointEventId: string, customerId: string, key: string) => {
  const { data } = await invitationsApi.POST('/joint-events/{jointEventId}/invitations', {
    params: { path: { jointEventId } },
    body: { customerId },
    headers: idempotencyHeaders(key),
  });
  return data as unknown as InvitationAnswer;
};

export const fileInvitationList = async (jointEventId: string, values: FileListValues, key: string) => {
  const { data } = await invitationsApi.POST('/joint-events/{jointEventId}/lists', {
    params: { path: { jointEventId } },
    body: values as never,
    headers: idempotencyHeaders(key),
  });
  return data as unknown as { events: readonly { type: string; data: Record<string, unknown> }[] };
};

const CUSTOMER_PATHS = {
  rulings: '/joint-events/{jointEventId}/customers/{customerId}/rulings',
  escalation: '/joint-events/{jointEventId}/customers/{customerId}/escalation',
  attendance: '/joint-events/{jointEventId}/customers/{customerId}/attendance',
  assists: '/joint-events/{jointEventId}/customers/{customerId}/assists',
  pitch: '/joint-events/{jointEventId}/customers/{customerId}/pitch',
  pitchEnd: '/joint-events/{jointEventId}/customers/{customerId}/pitch/end',
  sales: '/joint-events/{jointEventId}/customers/{customerId}/sales',
} as const;

/** The per-customer commands (rulings, escalation, at-event actions) share one request shape. */
export type CustomerAction = keyof typeof CUSTOMER_PATHS;

export const onCustomer = async (
  target: { jointEventId: string; customerId: string },
  action: CustomerAction,
  body: Record<string, unknown>,
  key: string,
) => {
  const { data } = await invitationsApi.POST(CUSTOMER_PATHS[action], {
    params: { path: target } as never,
    body: body as never,
    headers: idempotencyHeaders(key),
  });
  return data as unknown as InvitationAnswer;
};

export interface DisputeParty {
  employeeId: string;
  bu: string;
}

export const recordDispute = async (
  jointEventId: string,
  values: { customerId?: string; parties: DisputeParty[]; description: string },
  key: string,
) => {
  const { data } = await invitationsApi.POST('/joint-events/{jointEventId}/disputes', {
    params: { path: { jointEventId } },
    body: values as never,
    headers: idempotencyHeaders(key),
  });
  return data as unknown as { disputeId: string };
};

export const resolveDispute = async (
  target: { jointEventId: string; disputeId: string },
  values: { resolution: string; managerIds: string[]; quarrelled: DisputeParty[] },
  key: string,
) => {
  const { data } = await invitationsApi.POST('/joint-events/{jointEventId}/disputes/{disputeId}/resolution', {
    params: { path: target },
    body: values as never,
    headers: idempotencyHeaders(key),
  });
  return data as unknown as { events: readonly unknown[] };
};
