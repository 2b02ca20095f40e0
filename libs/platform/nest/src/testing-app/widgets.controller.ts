import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/event-sourcing';
import { DomainError } from '@crm/event-sourcing';
import { WrongExpectedVersionError } from '@crm/event-store';
import { randomUUID } from 'node:crypto';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { CorrelationId } from '../observability/correlation-id';
import { CreateWidgetDto } from './create-widget.dto';
import { WidgetLedger } from './widget-ledger';

/** A stand-in for a service's HTTP layer, used only by this library's integration tests. */
@ApiTags('widgets')
@ApiBearerAuth()
@Controller('widgets')
export class WidgetsController {
  constructor(private readonly ledger: WidgetLedger) {}

  @Post()
  @Roles('staff')
  async create(
    @Body() dto: CreateWidgetDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<Record<string, unknown>> {
    await this.ledger.pass();
    return { id: randomUUID(), ...dto, actor, correlationId, execution: this.ledger.executions };
  }

  @Post('refusals')
  @Roles('staff')
  async refuse(@Body() dto: CreateWidgetDto): Promise<never> {
    await this.ledger.pass();
    throw new DomainError('rule', 'widget.too_many', `Too many widgets named ${dto.name}`, 'WID-1', {
      limit: 3,
    });
  }

  @Post('conflicts')
  @HttpCode(200)
  conflict(): never {
    throw new WrongExpectedVersionError('widget-1', 2, 5);
  }

  @Post('crashes')
  async crash(): Promise<never> {
    await this.ledger.pass();
    throw new Error('secret internal detail at /srv/app/db.ts:42');
  }

  @Get('crash')
  crashOnRead(): never {
    throw new TypeError('cannot read properties of undefined (internal)');
  }

  @Get('me')
  me(@CurrentActor() actor: Actor, @CorrelationId() correlationId: string): Record<string, unknown> {
    return { actor, correlationId };
  }

  @Get('lookup/:code')
  lookup(@Param('code') code: string, @Query('tag') tag?: string): Record<string, unknown> {
    return { code, tag: tag ?? null };
  }

  @Get('managed')
  @Roles('bu_manager', 'admin')
  managed(@CurrentActor() actor: Actor): Actor {
    return actor;
  }
}
