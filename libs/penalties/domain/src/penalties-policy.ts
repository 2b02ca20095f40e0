import { DomainError } from '@crm/event-sourcing';

export const PENALTIES_POLICY_ID = 'penalties.appeals';

/** ⚙ values of the ledger (issue 11 §5): how long the fined employee may appeal. */
export type PenaltiesPolicy = {
  readonly appealWorkingDays: number;
};

export const DEFAULT_PENALTIES_POLICY: PenaltiesPolicy = { appealWorkingDays: 5 };

export const readPenaltiesPolicy = (params: unknown, version: string): PenaltiesPolicy => {
  const days = (params as { appealWorkingDays?: unknown } | null)?.appealWorkingDays;
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 60) {
    throw new DomainError(
      'conflict',
      'policy.unusable',
      `${PENALTIES_POLICY_ID} ${version}: appealWorkingDays must be an integer 1–60`,
    );
  }
  return { appealWorkingDays: days };
};
