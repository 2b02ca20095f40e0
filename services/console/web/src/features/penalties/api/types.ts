import type { components } from '@/shared/api/gen/penalties';

export type Fine = components['schemas']['FineDto'];
export type FinePage = components['schemas']['FinePageDto'];
export type FineStatus = 'issued' | 'appealed' | 'upheld' | 'waived';

/** The ledger's filters as they travel in the page's URL. */
export interface FineFilter {
  readonly bu?: string;
  readonly employeeId?: string;
  readonly rule?: string;
  readonly month?: string;
  readonly status?: FineStatus;
  readonly after?: string;
}
