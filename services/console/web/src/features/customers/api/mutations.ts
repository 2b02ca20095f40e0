import { customersApi } from '@/shared/api/clients';
import { idempotencyHeaders } from '@/shared/api/idempotency';
import type { RegisterValues } from './types';

export const registerCustomer = async (values: RegisterValues, key: string) => {
  const { data } = await customersApi.POST('/customers', {
    body: values as never,
    headers: idempotencyHeaders(key),
  });
  return data as unknown as { customerId: string };
};

export const recordService = async (
  customerId: string,
  values: { kind: 'home_visit' | 'phone_contact'; reference: string },
  key: string,
) => {
  const { data } = await customersApi.POST('/customers/{customerId}/services', {
    params: { path: { customerId } },
    body: values as never,
    headers: idempotencyHeaders(key),
  });
  return data;
};

export const reassignCustomer = async (
  customerId: string,
  values: {
    toBu: string;
    toEmployeeId: string;
    reason: 'director_decision' | 'service_lapse';
    note?: string;
  },
  key: string,
) => {
  const { data } = await customersApi.POST('/customers/{customerId}/reassignments', {
    params: { path: { customerId } },
    body: values as never,
    headers: idempotencyHeaders(key),
  });
  return data;
};
