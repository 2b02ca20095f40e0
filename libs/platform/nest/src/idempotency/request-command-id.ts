import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { deterministicUuid } from '@crm/event-sourcing';

const scope = new AsyncLocalStorage<string>();

/**
 * The command id of a keyed request: the same for every retry of it (actor, method, path, key), so
 * the command path recognises a command it already stored even when the answer was lost or purged.
 */
export const idempotentCommandId = (actorId: string, method: string, path: string, key: string): string =>
  deterministicUuid('idempotent-request', actorId, method, path, key);

export const withRequestCommandId = <T>(commandId: string, work: () => Promise<T>): Promise<T> =>
  scope.run(commandId, work);

/**
 * The commandId for the command an HTTP request issues: derived from its Idempotency-Key when it
 * has one, random otherwise. Controllers build their CommandContext with it.
 */
export const requestCommandId = (): string => scope.getStore() ?? randomUUID();
