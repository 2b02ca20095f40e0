import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DomainError, type Actor, type CommandContext } from '@crm/event-sourcing';
import { randomUUID } from 'node:crypto';
import { ApiCommand, ApiRead, CLOCK, CorrelationId, CurrentActor, requestCommandId, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { countsPerParticipant, type OutreachBatch } from '@crm/customers-domain';
import { OutreachBatches, type BatchResult } from '../application/outreach-batches';
import { OutreachBatchListReader } from '../projections/outreach-batch-list.reader';
import {
  OutreachBatchDecisionDto,
  OutreachBatchDto,
  OutreachBatchPageDto,
} from './outreach-batch-responses.dto';
import { EnterBatchRecordsDto, ListOutreachBatchesQuery, SubmitOutreachBatchDto } from './outreach-batch.dto';

/** Who sees every BU's batches: the CRM center enters them, the GM and admins oversee. */
const ALL_BU_ROLES = ['crm_clerk', 'gm', 'admin'];

const view = (batchId: string, result: BatchResult) => ({
  batchId,
  ...summary(result.batch),
  recorded: result.recorded,
});

/** Never the personal data of the records: ids, owners and counts only. */
const summary = (batch: OutreachBatch) =>
  batch.status === 'none'
    ? { status: batch.status }
    : {
        status: batch.status,
        bu: batch.bu,
        seminar: batch.seminar,
        participants: batch.participants,
        recordCount: batch.recordCount,
        ...('entries' in batch ? { entries: batch.entries } : {}),
        ...(batch.status === 'allocated' ? { allocation: allocationOf(batch) } : {}),
      };

/** The recorded deal: records per participant in the participants' order (8/8/7/7), then each hand. */
const allocationOf = (batch: Extract<OutreachBatch, { status: 'allocated' }>) => {
  const counts = countsPerParticipant(batch.allocations, batch.participants);
  return {
    method: batch.method,
    counts: batch.participants.map((employeeId) => ({ employeeId, records: counts[employeeId] ?? 0 })),
    assignments: batch.allocations,
  };
};

/** ARC-01..04: submit (BU manager) → entry (crm_clerk) → return → even allocation (BU manager). */
@ApiTags('outreach-batches')
@Controller('outreach-batches')
export class OutreachBatchesController {
  constructor(
    private readonly batches: OutreachBatches,
    private readonly list_: OutreachBatchListReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles('bu_manager', ...ALL_BU_ROLES)
  @ApiRead({
    operationId: 'listOutreachBatches',
    summary: "A page of batches, newest first: a BU manager's own BU; every BU for the CRM clerks, GM, admin",
    response: OutreachBatchPageDto,
  })
  list(@Query() query: ListOutreachBatchesQuery, @CurrentActor() actor: Actor) {
    const everyBu = ALL_BU_ROLES.includes(actor.role);
    if (!everyBu && actor.bu === undefined) {
      throw new DomainError('forbidden', 'batch.forbidden', 'a BU manager without a BU has no batches');
    }
    return this.list_.list({
      ...(everyBu ? {} : { bu: actor.bu }),
      ...(query.status !== undefined ? { status: query.status } : {}),
      page: query.page,
      limit: query.limit,
    });
  }

  @Post()
  @Roles('bu_manager')
  @ApiCommand({
    operationId: 'submitOutreachBatch',
    summary: 'Submit the forms of a seminar for entry (BU manager, ARC-01)',
    response: OutreachBatchDecisionDto,
  })
  async submit(
    @Body() body: SubmitOutreachBatchDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ) {
    const batchId = randomUUID();
    return view(
      batchId,
      await this.batches.execute(
        { type: 'SubmitOutreachBatch', data: { batchId, ...body } },
        this.context(actor, c),
      ),
    );
  }

  @Get(':batchId')
  @ApiRead({
    operationId: 'getOutreachBatch',
    summary: 'An outreach batch with its entries and status',
    response: OutreachBatchDto,
    errors: { 404: '`batch.not_found`' },
  })
  async get(@Param('batchId') batchId: string) {
    const batch = await this.batches.load(batchId);
    if (batch.status === 'none') {
      throw new DomainError('not_found', 'batch.not_found', `batch ${batchId} does not exist`, undefined, {
        batchId,
      });
    }
    return { batchId, ...summary(batch) };
  }

  @Post(':batchId/entries')
  @Roles('crm_clerk')
  @ApiCommand({
    operationId: 'enterBatchRecords',
    summary: "Enter the batch's forms: each becomes a customer or a kept duplicate (crm_clerk, ARC-02)",
    status: 200,
    response: OutreachBatchDecisionDto,
    errors: { 404: '`batch.not_found`' },
  })
  async enter(
    @Param('batchId') batchId: string,
    @Body() body: EnterBatchRecordsDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ) {
    return view(batchId, await this.batches.enter(batchId, body.records, this.context(actor, c)));
  }

  @Post(':batchId/return')
  @Roles('crm_clerk')
  @ApiCommand({
    operationId: 'returnOutreachBatch',
    summary: 'Return the entered batch to its BU (crm_clerk, ARC-03)',
    status: 200,
    response: OutreachBatchDecisionDto,
    errors: { 404: '`batch.not_found`' },
  })
  async returnToBu(
    @Param('batchId') batchId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ) {
    return view(
      batchId,
      await this.batches.execute({ type: 'ReturnBatchToBu', data: { batchId } }, this.context(actor, c)),
    );
  }

  @Post(':batchId/allocation')
  @Roles('bu_manager')
  @ApiCommand({
    operationId: 'allocateOutreachBatch',
    summary: "Deal the batch's customers evenly among the participants (BU manager, ARC-04)",
    status: 200,
    response: OutreachBatchDecisionDto,
    errors: { 404: '`batch.not_found`' },
  })
  async allocate(
    @Param('batchId') batchId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ) {
    return view(
      batchId,
      await this.batches.execute({ type: 'AllocateBatch', data: { batchId } }, this.context(actor, c)),
    );
  }

  private context(actor: Actor, correlationId: string): CommandContext {
    return { actor, now: this.clock.now(), commandId: requestCommandId(), correlationId };
  }
}
