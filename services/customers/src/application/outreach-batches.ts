import { DomainError, deterministicUuid, type CommandContext } from '@crm/event-sourcing';
import { handleCommand, loadStream, type EventStore } from '@crm/event-store';
import {
  outreachBatchDecider,
  outreachBatchStreamId,
  type BatchEntry,
  type OutreachBatch,
  type OutreachBatchCommand,
  type OutreachBatchEvent,
  type PersonalDataInput,
} from '@crm/customers-domain';
import type { CustomersPolicies } from '../policy/customers-policies';
import type { CustomerCommands } from './customer-commands';
import type { RegisterCustomerHandler } from './register-customer.handler';

/** Names the record in the refusal, so the clerk knows which form to fix (never its content). */
const atRecord = (error: DomainError, index: number): DomainError =>
  new DomainError(error.kind, error.code, `record ${index}: ${error.message}`, error.rule, {
    ...error.details,
    field: `records[${index}].${String(error.details?.['field'] ?? '')}`,
  });

export interface BatchResult {
  readonly batch: OutreachBatch;
  readonly recorded: readonly string[];
}

/**
 * Outreach batches (ARC-01..04) in the application: the clerk's entry registers each record (sealed
 * at once; the submitting BU manager holds the new customers until allocation, ARC-03), flags
 * numbers already registered as duplicates that keep their owner, and the allocation hands every
 * new customer to its participant as a recorded change of hands.
 */
export class OutreachBatches {
  constructor(
    private readonly store: EventStore,
    private readonly register: RegisterCustomerHandler,
    private readonly customers: CustomerCommands,
    private readonly policies: CustomersPolicies,
  ) {}

  load(batchId: string): Promise<OutreachBatch> {
    return loadStream(
      this.store,
      outreachBatchStreamId(batchId),
      outreachBatchDecider.evolve,
      outreachBatchDecider.initialState(),
    ).then((loaded) => loaded.state);
  }

  async execute(command: OutreachBatchCommand, context: CommandContext): Promise<BatchResult> {
    if (command.type === 'AllocateBatch') {
      const resumed = await this.resumeAllocation(command.data.batchId, context);
      if (resumed !== undefined) return resumed;
    }
    const result = await handleCommand(
      this.store,
      outreachBatchStreamId(command.data.batchId),
      outreachBatchDecider,
      command,
      context,
      { deterministicIds: true },
    );
    const allocated = result.events.find((e) => e.type === 'BatchAllocated');
    if (allocated !== undefined) await this.handOut(allocated, context);
    return { batch: result.state, recorded: result.events.map((e) => e.type) };
  }

  /** Registers the records of a submitted batch and records the entry. */
  async enter(
    batchId: string,
    records: readonly PersonalDataInput[],
    context: CommandContext,
  ): Promise<BatchResult> {
    const batch = await this.load(batchId);
    if (batch.status !== 'submitted') {
      throw new DomainError(
        'conflict',
        'batch.wrong_step',
        `batch ${batchId} is ${batch.status}, not submitted`,
        'ARC-02',
        {
          batchId,
          status: batch.status,
        },
      );
    }
    if (context.actor.role !== 'crm_clerk') {
      throw new DomainError('forbidden', 'batch.forbidden', 'a crm_clerk enters the records');
    }
    // The records are registered on behalf of the BU manager who submitted them (ARC-03).
    const holder: CommandContext = {
      ...context,
      actor: { id: batch.submittedBy, role: 'bu_manager', bu: batch.bu },
      reason: `outreach batch ${batchId} entered by ${context.actor.id}`,
    };
    const entries: BatchEntry[] = [];
    for (const [index, record] of records.entries()) {
      const customerId = deterministicUuid('outreach-batch-entry', batchId, String(index));
      try {
        await this.register.handle({ ...record, source: 'outreach' }, holder, { customerId });
        entries.push({ customerId, duplicate: false });
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'invalid') throw atRecord(error, index);
        if (!(error instanceof DomainError && error.code === 'customer.mobile_taken')) throw error;
        const details = error.details as {
          existingCustomerId: string;
          ownerBu: string;
          ownerEmployeeId: string;
        };
        entries.push({
          customerId: details.existingCustomerId,
          duplicate: true,
          ownerBu: details.ownerBu,
          ownerEmployeeId: details.ownerEmployeeId,
        });
      }
    }
    return this.execute({ type: 'EnterBatchRecords', data: { batchId, entries } }, context);
  }

  /**
   * An allocation interrupted while handing out (the deal is recorded, some changes of hands are
   * not) completes when asked again: the hand-out is idempotent per customer, so it just re-runs.
   */
  private async resumeAllocation(batchId: string, context: CommandContext): Promise<BatchResult | undefined> {
    const loaded = await loadStream(
      this.store,
      outreachBatchStreamId(batchId),
      outreachBatchDecider.evolve,
      outreachBatchDecider.initialState(),
    );
    const stored = loaded.events.find((e) => e.type === 'BatchAllocated');
    if (stored === undefined) return undefined;
    const allocated = { type: 'BatchAllocated', data: stored.data } as Extract<
      OutreachBatchEvent,
      { type: 'BatchAllocated' }
    >;
    if (context.actor.role !== 'bu_manager' || context.actor.bu !== allocated.data.bu) {
      throw new DomainError('forbidden', 'batch.forbidden', "the batch's own BU manager allocates it");
    }
    await this.handOut(allocated, { ...context, commandId: stored.metadata.commandId ?? context.commandId });
    return { batch: loaded.state, recorded: [] };
  }

  private async handOut(
    event: Extract<OutreachBatchEvent, { type: 'BatchAllocated' }>,
    context: CommandContext,
  ) {
    const policy = await this.policies.reassignment(context.now);
    const { batchId, bu, participants, method } = event.data;
    for (const { customerId, employeeId, position } of event.data.allocations) {
      try {
        await this.customers.execute(
          {
            type: 'ReassignCustomer',
            data: {
              customerId,
              toBu: bu,
              toEmployeeId: employeeId,
              reason: 'batch_allocation',
              basis: { batchId, position, participants, method },
            },
          },
          {
            ...context,
            commandId: deterministicUuid('batch-allocation', batchId, customerId),
            causationId: context.commandId,
            policyVersion: policy.version,
          },
        );
      } catch (error) {
        // The holding manager took part and drew their own record: nothing changes hands.
        if (!(error instanceof DomainError && error.code === 'customer.already_owner')) throw error;
      }
    }
  }
}
