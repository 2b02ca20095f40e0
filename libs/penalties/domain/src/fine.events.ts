import type { DomainEvent } from '@crm/event-sourcing';

/** The payee as the issuing service named it: an employee, or a post in a BU. */
export type PayeeAsIssued = {
  readonly bu: string;
  readonly employeeId?: string;
  readonly post?: string;
};

/**
 * How the ledger decided who pays: `named` (the issuer named the employee), `post_holder` (the one
 * person holding the post in the BU at `asOf`, from the staff directory) or `unresolved` (nobody,
 * or several people, held it; payroll cannot charge it until someone is named).
 */
export type PayeeResolution = {
  readonly method: 'named' | 'post_holder' | 'unresolved';
  readonly asOf: string;
  readonly employeeId?: string;
  readonly displayName?: string;
  /** Who held the post at `asOf` when that was not exactly one person. */
  readonly candidates?: readonly string[];
};

export type FineCause = {
  readonly streamId: string;
  readonly eventId: string;
  readonly link: string;
  readonly reference: string;
};

export type FineRecordedData = {
  readonly fineId: string;
  readonly sourceService: string;
  readonly payeeAsIssued: PayeeAsIssued;
  readonly payee: PayeeResolution;
  readonly amountFen: number;
  readonly currency: string;
  readonly rule: string;
  /** The issuing service's policy version the fine was computed under. */
  readonly policyVersion: string;
  readonly cause: FineCause;
  readonly reason: string;
  readonly issuedAt: string;
  /** Last instant the fined employee may appeal (⚙ working days after issue). */
  readonly appealDeadline: string;
  /** The penalties policy and working calendar versions the deadline was computed with. */
  readonly appealPolicyVersion: string;
  readonly calendarVersion: string;
  readonly recordedAt: string;
};

export type FineAppealedData = {
  readonly fineId: string;
  readonly employeeId: string;
  readonly grounds: string;
  readonly appealedAt: string;
};

/** The GM's decision on an appeal (CMP-APR-05/08/10): the fine stands, or is waived. */
export type FineAppealDecidedData = {
  readonly fineId: string;
  readonly outcome: 'upheld' | 'waived';
  readonly decidedBy: string;
  readonly reason: string;
  readonly decidedAt: string;
};

export type FineRecorded = DomainEvent<'FineRecorded', FineRecordedData>;
export type FineAppealed = DomainEvent<'FineAppealed', FineAppealedData>;
export type FineAppealDecided = DomainEvent<'FineAppealDecided', FineAppealDecidedData>;

export type FineEvent = FineRecorded | FineAppealed | FineAppealDecided;

export const fineStreamId = (fineId: string): string => `fine-${fineId}`;
