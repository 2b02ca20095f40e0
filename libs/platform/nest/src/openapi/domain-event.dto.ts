import { ApiProperty } from '@nestjs/swagger';
import type { DomainEvent } from '@crm/event-sourcing';

/** An event a command decided, as the decider returns it (before the store adds metadata). */
export class DomainEventDto implements DomainEvent<string, Record<string, unknown>> {
  @ApiProperty({ example: 'InvitationConfirmed' }) type!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The facts the event records' })
  data!: Record<string, unknown>;
}
