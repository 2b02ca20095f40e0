import { randomUUID } from 'node:crypto';
import { type CommandContext, metadataFrom } from '@crm/event-sourcing';
import type { NewEvent } from '@crm/event-store';
import type { CaseEvent } from '@crm/complaints-domain';

export const toNewEvents = (events: readonly CaseEvent[], context: CommandContext): NewEvent[] =>
  events.map((e) => ({
    id: randomUUID(),
    type: e.type,
    data: e.data as Readonly<Record<string, unknown>>,
    metadata: metadataFrom(context),
  }));
