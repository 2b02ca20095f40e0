import { Controller, Get, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Pool } from 'pg';
import { DeadLetterNotFoundError, DeadLetters, type InboxOutcome, PoisonMessageError } from '@crm/messaging';
import { Roles } from '../auth/roles.decorator';
import { ProblemException } from '../errors/problem-details';
import { ApiCommand, ApiRead } from '../openapi/api-operation';
import { InboxConsumerRegistry } from '../pipeline/inbox-consumer-registry';
import { PG_POOL, SERVICE_INFO, type ServiceInfo } from '../tokens';
import {
  DeadLetterDto,
  DeadLetterListDto,
  DeadLetterQuery,
  DeadLetterReplayDto,
  type DeadLetterView,
  deadLetterView,
} from './dead-letter-dtos';

/**
 * Operators' view of the messages this service's consumers parked (architecture §5): list them
 * with the error, and replay one through the normal inbox path once the cause is fixed. A replay
 * of a message handled meanwhile is a no-op (`duplicate`).
 */
@ApiTags('operations')
@Roles('admin')
@Controller('admin/dead-letters')
export class DeadLettersController {
  private readonly letters: DeadLetters;

  constructor(
    @Inject(PG_POOL) pool: Pool,
    @Inject(SERVICE_INFO) service: ServiceInfo,
    private readonly consumers: InboxConsumerRegistry,
  ) {
    this.letters = new DeadLetters({ pool, schema: service.schema });
  }

  @Get()
  @ApiRead({
    operationId: 'listDeadLetters',
    summary: "The messages this service's consumers parked, oldest first (admin)",
    response: DeadLetterListDto,
    errors: { 403: 'admin only' },
  })
  async list(@Query() query: DeadLetterQuery): Promise<{ items: DeadLetterView[] }> {
    const letters = await this.letters.list(query.consumer ?? null, {
      pendingOnly: query.pending ?? true,
      limit: query.limit ?? 100,
    });
    return { items: letters.map(deadLetterView) };
  }

  @Get(':id')
  @ApiRead({
    operationId: 'getDeadLetter',
    summary: 'One dead letter with its error and message (admin)',
    response: DeadLetterDto,
    errors: { 400: 'The id is not a UUID', 403: 'admin only', 404: '`dead_letter.not_found`' },
  })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<DeadLetterView> {
    return deadLetterView(await this.find(id));
  }

  @Post(':id/replay')
  @ApiCommand({
    operationId: 'replayDeadLetter',
    summary: 'Replay a dead letter through the normal inbox path once the cause is fixed (admin)',
    status: 200,
    response: DeadLetterReplayDto,
    errors: {
      403: 'admin only',
      404: '`dead_letter.not_found`',
      409: '`dead_letter.consumer_not_running`: its consumer does not run in this process',
      422: '`dead_letter.unparseable` or `dead_letter.replay_failed`: the handler fails again',
    },
  })
  async replay(@Param('id', ParseUUIDPipe) id: string): Promise<{ id: string; outcome: InboxOutcome }> {
    const letter = await this.find(id);
    const consumer = this.consumers.get(letter.consumer);
    if (consumer === undefined) {
      throw new ProblemException(
        409,
        'dead_letter.consumer_not_running',
        `Consumer '${letter.consumer}' does not run in this process; replay it where it runs.`,
        { consumer: letter.consumer, running: this.consumers.names() },
      );
    }
    try {
      return { id, outcome: await consumer.deadLetters.replay(id) };
    } catch (error) {
      if (error instanceof PoisonMessageError) {
        throw new ProblemException(
          422,
          'dead_letter.unparseable',
          `The message cannot be parsed: ${error.message}`,
          {
            id,
          },
        );
      }
      const reason = error instanceof Error ? error.message : String(error);
      throw new ProblemException(422, 'dead_letter.replay_failed', `The handler failed again: ${reason}`, {
        id,
      });
    }
  }

  private async find(id: string) {
    try {
      return await this.letters.get(id);
    } catch (error) {
      if (error instanceof DeadLetterNotFoundError) {
        throw new ProblemException(404, 'dead_letter.not_found', `Dead letter '${id}' does not exist.`, {
          id,
        });
      }
      throw error;
    }
  }
}
