import { queryOptions } from '@tanstack/react-query';
import { creditApi } from '@/shared/api/clients';
import { creditKeys, type AccountFilter } from './keys';
import type { CreditAccount, CreditAccountList, HoldExplanation } from './types';

export const accountListQuery = (filter: AccountFilter) =>
  queryOptions({
    queryKey: creditKeys.list(filter),
    queryFn: async () => {
      const { data } = await creditApi.GET('/credit-accounts', { params: { query: filter } });
      return data as CreditAccountList;
    },
  });

export const accountQuery = (accountId: string) =>
  queryOptions({
    queryKey: creditKeys.detail(accountId),
    queryFn: async () => {
      const { data } = await creditApi.GET('/credit-accounts/{id}', { params: { path: { id: accountId } } });
      return data as CreditAccount;
    },
  });

export const holdExplanationQuery = (accountId: string, orderId: string) =>
  queryOptions({
    queryKey: creditKeys.hold(accountId, orderId),
    queryFn: async () => {
      const { data } = await creditApi.GET('/credit-accounts/{id}/holds/{orderId}/explanation', {
        params: { path: { id: accountId, orderId } },
      });
      return data as HoldExplanation;
    },
  });
