import type { BatchAllocation } from '@/features/outreach/api/types';

/** The deal as people say it: records per participant in the recorded order, e.g. "8/8/7/7". */
export const dealLabel = (allocation: BatchAllocation): string =>
  allocation.counts.map((c) => c.records).join('/');

/** Who each new customer of the batch was dealt to. */
export const holderByCustomer = (allocation: BatchAllocation | undefined): ReadonlyMap<string, string> =>
  new Map((allocation?.assignments ?? []).map((a) => [a.customerId, a.employeeId]));
