import { createHash } from 'node:crypto';
import { canonicalJson } from '@crm/event-store';

/** Same method, path and body (key order ignored) → same hash: what "the same request" means for a repeat. */
export const requestHash = (method: string, path: string, body: unknown): string =>
  createHash('sha256')
    .update(canonicalJson({ method, path, body: body ?? null }))
    .digest('hex');
