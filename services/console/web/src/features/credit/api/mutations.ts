import { creditApi } from '@/shared/api/clients';
import { idempotencyHeaders } from '@/shared/api/idempotency';

export const completeReview = async (
  accountId: string,
  values: { period: 'monthly' | 'quarterly'; evaluation: string },
  key: string,
) => {
  const { data } = await creditApi.POST('/credit-accounts/{id}/reviews', {
    params: { path: { id: accountId } },
    body: values,
    headers: idempotencyHeaders(key),
  });
  return data;
};

export const requestHoldRelease = async (
  accountId: string,
  orderId: string,
  values: { creditControllerId: string },
  key: string,
) => {
  const { data } = await creditApi.POST('/credit-accounts/{id}/holds/{orderId}/release-requests', {
    params: { path: { id: accountId, orderId } },
    body: values,
    headers: idempotencyHeaders(key),
  });
  return data;
};

export const proposeLimitAdjustment = async (
  accountId: string,
  values: { adjustmentId: string; newLimitFen: number; exceptionReason?: string },
  key: string,
) => {
  const { data } = await creditApi.POST('/credit-accounts/{id}/limit-adjustments', {
    params: { path: { id: accountId } },
    body: values,
    headers: idempotencyHeaders(key),
  });
  return data;
};
