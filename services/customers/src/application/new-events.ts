import { randomUUID } from 'node:crypto';
import { metadataFrom, type CommandContext } from '@crm/event-sourcing';
import type { NewEvent } from '@crm/event-store';

/** Decided events as store entries with fresh ids, for handlers that append to several streams at once. */
export const toNewEvents = (
  events: readonly { readonly type: string; readonly data: Readonly<Record<string, unknown>> }[],
  context: CommandContext,
): NewEvent[] =>
  events.map((e) => ({ id: randomUUID(), type: e.type, data: e.data, metadata: metadataFrom(context) }));
