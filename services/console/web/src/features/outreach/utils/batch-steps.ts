import type { BatchStatus } from '@/features/outreach/api/types';

/** ARC-01..04 in order; the index drives the progress bar of a batch. */
export const BATCH_STEPS: readonly BatchStatus[] = ['submitted', 'entered', 'returned', 'allocated'];

export type BatchAction = 'enter' | 'return' | 'allocate';

export interface BatchAbilities {
  readonly canEnterBatches: boolean;
  readonly canManageBatches: boolean;
}

/**
 * The one command a person can give a batch at its step: the CRM clerk enters a submitted batch and
 * returns it to the BU; the BU manager allocates a returned one. The service decides (own BU etc.).
 */
export const nextAction = (status: BatchStatus, can: BatchAbilities): BatchAction | undefined => {
  if (status === 'submitted' && can.canEnterBatches) return 'enter';
  if (status === 'entered' && can.canEnterBatches) return 'return';
  if (status === 'returned' && can.canManageBatches) return 'allocate';
  return undefined;
};
