import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { DomainError, type Actor, type CommandContext } from '@crm/event-sourcing';
import { CLOCK, CorrelationId, CurrentActor, requestCommandId, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import type { OutreachBatch } from '@crm/customers-domain';
import { OutreachBatches, type BatchResult } from '../application/outreach-batches';
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
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat returns the first answer' })
@Controller('outreach-batches')
export class OutreachBatchesController {
  constructor(
    private readonly batches: OutreachBatches,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Roles('bu_manager')
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
  @ApiOkResponse({ description: 'The batch with its entries and status' })
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
  @HttpCode(200)
  @Roles('crm_clerk')
  async enter(
    @Param('batchId') batchId: string,
    @Body() body: EnterBatchRecordsDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ) {
    return view(batchId, await this.batches.enter(batchId, body.records, this.context(actor, c)));
  }

  @Post(':batchId/return')
  @HttpCode(200)
  @Roles('crm_clerk')
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
  @HttpCode(200)
  @Roles('bu_manager')
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
