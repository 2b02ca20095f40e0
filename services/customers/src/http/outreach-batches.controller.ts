import { Body, Controller, Get, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { DomainError, type Actor, type CommandContext } from '@crm/event-sourcing';
import { ApiCommand, ApiRead, CLOCK, CorrelationId, CurrentActor, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import type { OutreachBatch } from '@crm/customers-domain';
import { OutreachBatches, type BatchResult } from '../application/outreach-batches';
import { OutreachBatchDecisionDto, OutreachBatchDto } from './outreach-batch-responses.dto';
import { EnterBatchRecordsDto, SubmitOutreachBatchDto } from './outreach-batch.dto';

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
      };

/** ARC-01..04: submit (BU manager) → entry (crm_clerk) → return → even allocation (BU manager). */
@ApiTags('outreach-batches')
@Controller('outreach-batches')
export class OutreachBatchesController {
  constructor(
    private readonly batches: OutreachBatches,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

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
    return { actor, now: this.clock.now(), commandId: randomUUID(), correlationId };
  }
}
