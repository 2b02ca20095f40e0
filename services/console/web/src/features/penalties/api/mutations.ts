import { penaltiesApi } from '@/shared/api/clients';
import { idempotencyHeaders } from '@/shared/api/idempotency';

export const appealFine = async (fineId: string, grounds: string, key: string) => {
  const { data } = await penaltiesApi.POST('/fines/{fineId}/appeal', {
    params: { path: { fineId } },
    body: { grounds },
    headers: idempotencyHeaders(key),
  });
  return data;
};

export const decideFineAppeal = async (
  fineId: string,
  decision: { outcome: 'upheld' | 'waived'; reason: string },
  key: string,
) => {
  const { data } = await penaltiesApi.POST('/fines/{fineId}/decision', {
    params: { path: { fineId } },
    body: decision,
    headers: idempotencyHeaders(key),
  });
  return data;
};

/** The payroll export is a file download through the console's proxy (the session cookie authorises it). */
export const payrollExportUrl = (format: 'csv' | 'xlsx', month: string, bu?: string): string => {
  const query = new URLSearchParams({ month, ...(bu ? { bu } : {}) });
  return `/api/penalties/payroll-exports/fines.${format}?${query.toString()}`;
};
