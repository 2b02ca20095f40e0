import { queryOptions, useQuery } from '@tanstack/react-query';
import { customersApi } from '@/shared/api/clients';
import { staffKeys } from './keys';
import type { BusinessUnit, StaffMember } from './types';

export const staffListQuery = (bu: string | undefined) =>
  queryOptions({
    queryKey: staffKeys.list(bu),
    queryFn: async () => {
      const { data } = await customersApi.GET('/staff', { params: { query: bu ? { bu } : {} } as never });
      return data as unknown as StaffMember[];
    },
  });

export const businessUnitsQuery = () =>
  queryOptions({
    queryKey: staffKeys.businessUnits(),
    queryFn: async () => {
      const { data } = await customersApi.GET('/staff/business-units', {});
      return data as unknown as BusinessUnit[];
    },
  });

/** A BU's active employees as select options, for pages that pick people (e.g. seminar participants). */
export const useActiveStaffOptions = (bu: string | undefined) => {
  const query = useQuery({ ...staffListQuery(bu), enabled: bu !== undefined });
  const options = (query.data ?? [])
    .filter((m) => m.status === 'active')
    .map((m) => ({ value: m.employeeId, label: `${m.displayName}（${m.employeeId}）` }));
  return { options, loading: query.isPending && bu !== undefined };
};
