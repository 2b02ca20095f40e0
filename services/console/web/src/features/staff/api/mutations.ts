import { customersApi } from '@/shared/api/clients';
import { idempotencyHeaders } from '@/shared/api/idempotency';
import type { JoinValues, OpenBuValues, StaffAction, StaffCommandResult } from './types';

export const openBusinessUnit = async (values: OpenBuValues, key: string) => {
  const { data } = await customersApi.POST('/staff/business-units', {
    body: values as never,
    headers: idempotencyHeaders(key),
  });
  return data;
};

export const joinEmployee = async (values: JoinValues, key: string) => {
  const { data } = await customersApi.POST('/staff', {
    body: values as never,
    headers: idempotencyHeaders(key),
  });
  return data as unknown as StaffCommandResult;
};

/** Long leave, return, transfer (to `toBu`) or leaving; the answer carries the draw when there was one. */
export const changeEmployee = async (
  employeeId: string,
  action: StaffAction,
  key: string,
  toBu?: string,
): Promise<StaffCommandResult> => {
  const init = { params: { path: { employeeId } }, headers: idempotencyHeaders(key) };
  const { data } =
    action === 'longLeave'
      ? await customersApi.POST('/staff/{employeeId}/long-leave', init)
      : action === 'return'
        ? await customersApi.POST('/staff/{employeeId}/return', init)
        : action === 'transfer'
          ? await customersApi.POST('/staff/{employeeId}/transfer', { ...init, body: { toBu } as never })
          : await customersApi.POST('/staff/{employeeId}/leave', init);
  return data as unknown as StaffCommandResult;
};
