import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/event-sourcing';
import { handleCommand, type EventStore } from '@crm/event-store';
import { CurrentActor } from '../auth/current-actor.decorator';
import { Roles } from '../auth/roles.decorator';
import { requestCommandId } from '../idempotency/request-command-id';
import { CorrelationId } from '../observability/correlation-id';
import { EVENT_STORE } from '../tokens';
import { OrderWidgetDto } from './order-widget.dto';
import { widgetOrderDecider, widgetOrderStreamId } from './widget-order.decider';
import { WidgetLedger } from './widget-ledger';

/**
 * A command with a real effect (an event in the store) for the platform's idempotency tests. The
 * ledger is passed inside the append's transaction, so a held request holds its transaction open.
 */
@ApiTags('widgets')
@ApiBearerAuth()
@Controller('widget-orders')
export class WidgetOrdersController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly ledger: WidgetLedger,
  ) {}

  @Post()
  @Roles('staff')
  async order(
    @Body() dto: OrderWidgetDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<Record<string, unknown>> {
    const commandId = requestCommandId();
    const result = await handleCommand(
      this.store,
      widgetOrderStreamId(dto.name),
      widgetOrderDecider,
      { type: 'OrderWidget', data: { quantity: dto.quantity } },
      { actor, now: new Date(), commandId, correlationId },
      { deterministicIds: true, effects: () => this.ledger.pass() },
    );
    if (dto.lingerMs !== undefined) await new Promise((resolve) => setTimeout(resolve, dto.lingerMs));
    return { name: dto.name, commandId, version: result.version, ordered: result.state.ordered };
  }
}
