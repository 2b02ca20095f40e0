import type { Actor } from '@crm/event-sourcing';
import { countsPerParticipant } from './even-allocation';
import { outreachBatchDecider } from './outreach-batch';
import type { BatchEntry, OutreachBatchCommand, OutreachBatchEvent } from './outreach-batch.events';
import { specFor } from '@crm/decider-testing';
import { commandContext, NOW } from './testing/fixtures';

const spec = specFor(outreachBatchDecider);
const manager: Actor = { id: 'm-1', role: 'bu_manager', bu: 'bu-1' };
const clerk: Actor = { id: 'k-1', role: 'crm_clerk' };
const participants = ['e-a', 'e-b', 'e-c', 'e-d'];
const at = NOW.toISOString();

const fresh = (n: number): BatchEntry[] =>
  Array.from({ length: n }, (_, i) => ({ customerId: `c-${i}`, duplicate: false as const }));
const duplicate: BatchEntry = {
  customerId: 'c-old',
  duplicate: true,
  ownerBu: 'bu-2',
  ownerEmployeeId: 'e-201',
};

const submitted: OutreachBatchEvent = {
  type: 'OutreachBatchSubmitted',
  data: {
    batchId: 'b-1',
    bu: 'bu-1',
    seminar: '2025-03-01 科普',
    participants,
    recordCount: 31,
    submittedBy: 'm-1',
    submittedAt: at,
  },
};
const entered = (entries: BatchEntry[]): OutreachBatchEvent => ({
  type: 'BatchRecordsEntered',
  data: {
    batchId: 'b-1',
    entries,
    duplicates: entries.filter((e) => e.duplicate).length,
    enteredBy: 'k-1',
    enteredAt: at,
  },
});
const returned: OutreachBatchEvent = {
  type: 'BatchReturnedToBu',
  data: { batchId: 'b-1', bu: 'bu-1', returnedBy: 'k-1', returnedAt: at },
};
const allocate: OutreachBatchCommand = { type: 'AllocateBatch', data: { batchId: 'b-1' } };

describe('outreach batches (ARC-01..04)', () => {
  it('a BU manager submits the records with the participants', () => {
    spec
      .given([])
      .when(
        {
          type: 'SubmitOutreachBatch',
          data: {
            batchId: 'b-1',
            seminar: '2025-03-01 科普',
            participants: [...participants, 'e-a'],
            recordCount: 31,
          },
        },
        commandContext(manager),
      )
      .then([submitted]);
  });

  it('a crm_clerk enters them, flagging duplicates', () => {
    spec
      .given([submitted])
      .when(
        { type: 'EnterBatchRecords', data: { batchId: 'b-1', entries: [...fresh(2), duplicate] } },
        commandContext(clerk),
      )
      .then([entered([...fresh(2), duplicate])]);
  });

  it('steps cannot be skipped (409) and roles are checked (403)', () => {
    spec
      .given([submitted])
      .when(allocate, commandContext(manager))
      .thenRefused({ kind: 'conflict', code: 'batch.wrong_step' });
    spec
      .given([submitted])
      .when({ type: 'EnterBatchRecords', data: { batchId: 'b-1', entries: [] } }, commandContext(manager))
      .thenRefused({ kind: 'forbidden' });
    spec
      .given([submitted, entered(fresh(1)), returned])
      .when(allocate, commandContext({ ...manager, bu: 'bu-2' }))
      .thenRefused({ kind: 'forbidden' });
  });

  it('30 new records over 4 participants are allocated 8/8/7/7; a duplicate keeps its owner', () => {
    const events = outreachBatchDecider.decide(
      allocate,
      [submitted, entered([...fresh(15), duplicate, ...fresh(30).slice(15)]), returned].reduce(
        outreachBatchDecider.evolve,
        outreachBatchDecider.initialState(),
      ),
      commandContext(manager),
    );
    const allocated = events[0];
    if (allocated?.type !== 'BatchAllocated') throw new Error('expected BatchAllocated');
    expect(countsPerParticipant(allocated.data.allocations, participants)).toEqual({
      'e-a': 8,
      'e-b': 8,
      'e-c': 7,
      'e-d': 7,
    });
    expect(allocated.data.duplicatesKept).toEqual(['c-old']);
    expect(allocated.data.allocations.map((a) => a.customerId)).not.toContain('c-old');
    expect(allocated.data.allocations[0]).toEqual({ position: 0, customerId: 'c-0', employeeId: 'e-a' });
    expect(allocated.data.method).toBe('round_robin_in_entry_order');
  });

  it('allocates once', () => {
    const allocated = outreachBatchDecider.decide(
      allocate,
      [submitted, entered(fresh(2)), returned].reduce(
        outreachBatchDecider.evolve,
        outreachBatchDecider.initialState(),
      ),
      commandContext(manager),
    );
    spec
      .given([submitted, entered(fresh(2)), returned, ...allocated])
      .when(allocate, commandContext(manager))
      .thenRefused({ kind: 'conflict', code: 'batch.wrong_step' });
  });

  it('keeps the recorded deal in the state, so the batch shows who got what', () => {
    const before = [submitted, entered([duplicate, ...fresh(5)]), returned].reduce(
      outreachBatchDecider.evolve,
      outreachBatchDecider.initialState(),
    );
    const state = outreachBatchDecider
      .decide(allocate, before, commandContext(manager))
      .reduce(outreachBatchDecider.evolve, before);
    if (state.status !== 'allocated') throw new Error('expected an allocated batch');
    expect(state.method).toBe('round_robin_in_entry_order');
    expect(countsPerParticipant(state.allocations, participants)).toEqual({
      'e-a': 2,
      'e-b': 1,
      'e-c': 1,
      'e-d': 1,
    });
  });
});
