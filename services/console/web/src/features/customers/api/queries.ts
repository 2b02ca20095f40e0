import { queryOptions } from '@tanstack/react-query';
import { customersApi } from '@/shared/api/clients';
import { customerKeys, type CustomerFilter } from './keys';
import type { Customer, CustomerPage, OwnershipDecision } from './types';

export const customerListQuery = (filter: CustomerFilter) =>
  queryOptions({
    queryKey: customerKeys.list(filter),
    queryFn: async () => {
      const { data } = await customersApi.GET('/customers', {
        params: {
          query: {
            page: filter.page,
            limit: filter.limit,
            ...(filter.ownerBu ? { ownerBu: filter.ownerBu } : {}),
          },
        },
      });
      return data as unknown as CustomerPage;
    },
  });

export const customerQuery = (customerId: string) =>
  queryOptions({
    queryKey: customerKeys.detail(customerId),
    queryFn: async () => {
      const { data } = await customersApi.GET('/customers/{customerId}', {
        params: { path: { customerId } },
      });
      return data as unknown as Customer;
    },
  });

export const ownershipQuery = (customerId: string) =>
  queryOptions({
    queryKey: customerKeys.ownership(customerId),
    queryFn: async () => {
      const { data } = await customersApi.GET('/customers/{customerId}/ownership/explanation', {
        params: { path: { customerId } },
      });
      return data as unknown as OwnershipDecision[];
    },
  });

export const searchByMobileQuery = (mobile: string) =>
  queryOptions({
    queryKey: customerKeys.search(mobile),
    queryFn: async () => {
      // POSTed: the number stays out of URLs, browser history and access logs.
      const { data } = await customersApi.POST('/customer-search', { body: { mobile } as never });
      return data as unknown as Customer[];
    },
    enabled: mobile.length > 0,
  });

export const watchListQuery = () =>
  queryOptions({
    queryKey: customerKeys.watchList(),
    queryFn: async () => {
      const { data } = await customersApi.GET('/customer-reports/lapse-watch-list', {});
      return data as unknown as Record<string, unknown>[];
    },
  });

export const lapsedQuery = () =>
  queryOptions({
    queryKey: customerKeys.lapsed(),
    queryFn: async () => {
      const { data } = await customersApi.GET('/customer-reports/lapsed', {});
      return data as unknown as Record<string, unknown>[];
    },
  });
