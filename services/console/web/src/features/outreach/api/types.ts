export type BatchStatus = 'submitted' | 'entered' | 'returned' | 'allocated';

/** An entered record: a new customer, or a duplicate that keeps its owner (ARC-20). */
export type BatchEntry =
  | { readonly customerId: string; readonly duplicate: false }
  | {
      readonly customerId: string;
      readonly duplicate: true;
      readonly ownerBu: string;
      readonly ownerEmployeeId: string;
    };

export interface BatchAllocation {
  readonly method: string;
  /** Records per participant, in the participants' order, as the service recorded the deal. */
  readonly counts: readonly { readonly employeeId: string; readonly records: number }[];
  readonly assignments: readonly {
    readonly position: number;
    readonly customerId: string;
    readonly employeeId: string;
  }[];
}

/** `GET /outreach-batches/{batchId}`: ids, owners and counts, never the records' personal data. */
export interface Batch {
  readonly batchId: string;
  readonly status: BatchStatus;
  readonly bu: string;
  readonly seminar: string;
  readonly participants: readonly string[];
  readonly recordCount: number;
  readonly entries?: readonly BatchEntry[];
  readonly allocation?: BatchAllocation;
  readonly recorded?: readonly string[];
}

export interface BatchListItem {
  readonly batchId: string;
  readonly bu: string;
  readonly seminar: string;
  readonly participants: readonly string[];
  readonly recordCount: number;
  readonly status: BatchStatus;
  readonly submittedBy: string;
  readonly submittedAt: string;
  readonly entered: number | null;
  readonly duplicates: number | null;
  readonly changedAt: string;
}

export interface BatchPage {
  readonly items: BatchListItem[];
  readonly page: number;
  readonly limit: number;
  readonly total: number;
}

export interface SubmitBatchValues {
  seminar: string;
  participants: string[];
  recordCount: number;
}

export interface BatchRecord {
  name: string;
  mobile: string;
  address?: string;
}
