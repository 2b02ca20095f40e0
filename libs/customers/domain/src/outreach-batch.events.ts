import type { DomainCommand, DomainEvent } from '@crm/event-sourcing';
import type { Allocation } from './even-allocation';

export const outreachBatchStreamId = (batchId: string): string => `outreach-batch-${batchId}`;

/** An entered record: a new customer, or a duplicate of an existing one, which keeps its owner. */
export type BatchEntry =
  | { readonly customerId: string; readonly duplicate: false }
  | {
      readonly customerId: string;
      readonly duplicate: true;
      readonly ownerBu: string;
      readonly ownerEmployeeId: string;
    };

export type OutreachBatchSubmitted = DomainEvent<
  'OutreachBatchSubmitted',
  {
    readonly batchId: string;
    readonly bu: string;
    readonly seminar: string;
    readonly participants: readonly string[];
    readonly recordCount: number;
    readonly submittedBy: string;
    readonly submittedAt: string;
  }
>;

export type BatchRecordsEntered = DomainEvent<
  'BatchRecordsEntered',
  {
    readonly batchId: string;
    readonly entries: readonly BatchEntry[];
    readonly duplicates: number;
    readonly enteredBy: string;
    readonly enteredAt: string;
  }
>;

export type BatchReturnedToBu = DomainEvent<
  'BatchReturnedToBu',
  { readonly batchId: string; readonly bu: string; readonly returnedBy: string; readonly returnedAt: string }
>;

/** The deal, in full: replaying it needs nothing but this event. */
export type BatchAllocated = DomainEvent<
  'BatchAllocated',
  {
    readonly batchId: string;
    readonly bu: string;
    readonly participants: readonly string[];
    readonly allocations: readonly Allocation[];
    readonly duplicatesKept: readonly string[];
    readonly method: 'round_robin_in_entry_order';
    readonly allocatedBy: string;
    readonly allocatedAt: string;
  }
>;

export type OutreachBatchEvent =
  OutreachBatchSubmitted | BatchRecordsEntered | BatchReturnedToBu | BatchAllocated;

export type SubmitOutreachBatch = DomainCommand<
  'SubmitOutreachBatch',
  {
    readonly batchId: string;
    readonly seminar: string;
    readonly participants: readonly string[];
    readonly recordCount: number;
  }
>;
export type EnterBatchRecords = DomainCommand<
  'EnterBatchRecords',
  { readonly batchId: string; readonly entries: readonly BatchEntry[] }
>;
export type ReturnBatchToBu = DomainCommand<'ReturnBatchToBu', { readonly batchId: string }>;
export type AllocateBatch = DomainCommand<'AllocateBatch', { readonly batchId: string }>;

export type OutreachBatchCommand = SubmitOutreachBatch | EnterBatchRecords | ReturnBatchToBu | AllocateBatch;
