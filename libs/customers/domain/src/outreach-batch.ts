import { DomainError, type CommandContext, type Decider } from '@crm/event-sourcing';
import { allocateEvenly, type Allocation } from './even-allocation';
import type {
  BatchAllocated,
  BatchEntry,
  OutreachBatchCommand,
  OutreachBatchEvent,
  OutreachBatchSubmitted,
} from './outreach-batch.events';

type Submitted = OutreachBatchSubmitted['data'];

type Entered = Submitted & { readonly entries: readonly BatchEntry[] };

/** ARC-01..04: submitted → entered → returned → allocated (keeping the recorded deal). */
export type OutreachBatch =
  | { readonly status: 'none' }
  | ({ readonly status: 'submitted' } & Submitted)
  | ({ readonly status: 'entered' | 'returned' } & Entered)
  | ({ readonly status: 'allocated' } & Entered & {
        readonly allocations: readonly Allocation[];
        readonly method: BatchAllocated['data']['method'];
      });

export const evolveOutreachBatch = (state: OutreachBatch, event: OutreachBatchEvent): OutreachBatch => {
  switch (event.type) {
    case 'OutreachBatchSubmitted':
      return state.status === 'none' ? { status: 'submitted', ...event.data } : state;
    case 'BatchRecordsEntered':
      return state.status === 'submitted'
        ? { ...state, status: 'entered', entries: event.data.entries }
        : state;
    case 'BatchReturnedToBu':
      return state.status === 'entered' ? { ...state, status: 'returned' } : state;
    case 'BatchAllocated':
      return state.status === 'returned'
        ? {
            ...state,
            status: 'allocated',
            allocations: event.data.allocations,
            method: event.data.method,
          }
        : state;
    default:
      return state;
  }
};

const wrongStep = (batchId: string, status: string, expected: string): DomainError =>
  new DomainError(
    'conflict',
    'batch.wrong_step',
    `batch ${batchId} is ${status}, not ${expected}`,
    'ARC-02',
    {
      batchId,
      status,
      expected,
    },
  );

const forbidden = (message: string): DomainError => new DomainError('forbidden', 'batch.forbidden', message);

const decide = (
  command: OutreachBatchCommand,
  state: OutreachBatch,
  context: CommandContext,
): readonly OutreachBatchEvent[] => {
  const { batchId } = command.data;
  const now = context.now.toISOString();
  const actor = context.actor;
  switch (command.type) {
    case 'SubmitOutreachBatch': {
      if (state.status !== 'none') throw wrongStep(batchId, state.status, 'new');
      if (actor.role !== 'bu_manager' || actor.bu === undefined) {
        throw forbidden('a BU manager submits the records of a seminar');
      }
      const participants = [...new Set(command.data.participants)];
      if (participants.length === 0) {
        throw new DomainError(
          'invalid',
          'batch.no_participants',
          'name the employees who took part',
          undefined,
          {
            field: 'participants',
          },
        );
      }
      return [
        {
          type: 'OutreachBatchSubmitted',
          data: {
            batchId,
            bu: actor.bu,
            seminar: command.data.seminar,
            participants,
            recordCount: command.data.recordCount,
            submittedBy: actor.id,
            submittedAt: now,
          },
        },
      ];
    }
    case 'EnterBatchRecords': {
      if (state.status !== 'submitted') throw wrongStep(batchId, state.status, 'submitted');
      if (actor.role !== 'crm_clerk') throw forbidden('a crm_clerk enters the records');
      const { entries } = command.data;
      return [
        {
          type: 'BatchRecordsEntered',
          data: {
            batchId,
            entries,
            duplicates: entries.filter((e) => e.duplicate).length,
            enteredBy: actor.id,
            enteredAt: now,
          },
        },
      ];
    }
    case 'ReturnBatchToBu': {
      if (state.status !== 'entered') throw wrongStep(batchId, state.status, 'entered');
      if (actor.role !== 'crm_clerk') throw forbidden('the CRM center returns the batch');
      return [
        { type: 'BatchReturnedToBu', data: { batchId, bu: state.bu, returnedBy: actor.id, returnedAt: now } },
      ];
    }
    case 'AllocateBatch': {
      if (state.status !== 'returned') throw wrongStep(batchId, state.status, 'returned');
      if (actor.role !== 'bu_manager' || actor.bu !== state.bu) {
        throw forbidden("the batch's own BU manager allocates it");
      }
      // Duplicates keep their owner (ARC-20): only new records are dealt out.
      const fresh = state.entries.filter((e) => !e.duplicate).map((e) => e.customerId);
      return [
        {
          type: 'BatchAllocated',
          data: {
            batchId,
            bu: state.bu,
            participants: state.participants,
            allocations: allocateEvenly(fresh, state.participants),
            duplicatesKept: state.entries.filter((e) => e.duplicate).map((e) => e.customerId),
            method: 'round_robin_in_entry_order',
            allocatedBy: actor.id,
            allocatedAt: now,
          },
        },
      ];
    }
  }
};

export const outreachBatchDecider: Decider<
  OutreachBatchCommand,
  OutreachBatchEvent,
  OutreachBatch,
  CommandContext
> = {
  initialState: () => ({ status: 'none' }),
  decide,
  evolve: evolveOutreachBatch,
};
