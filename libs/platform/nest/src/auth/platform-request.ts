import type { IncomingMessage } from 'node:http';
import type { Actor } from '@crm/event-sourcing';

/**
 * What the platform attaches to each HTTP request. Typed here because the repo has no express
 * typings; Nest hands us express requests, which extend IncomingMessage. The correlation id lives
 * in `id` (pino-http's request id, typed by pino-http's augmentation of IncomingMessage).
 */
export interface PlatformRequest extends IncomingMessage {
  /** The authenticated actor; `role` is the role the actor acts in on this route. */
  actor?: Actor;
  /** Every role the token grants. */
  roles?: readonly string[];
  body?: unknown;
  originalUrl?: string;
  params?: Record<string, string>;
}
