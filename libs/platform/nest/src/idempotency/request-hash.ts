import { createHmac } from 'node:crypto';
import { canonicalJson } from '@crm/event-store';

/**
 * Same method, path and body (key order ignored) → same hash: what "the same request" means for a
 * repeat. Keyed (HMAC), because a plain hash of a body holding a name or a mobile number lets
 * anyone with the table confirm a guess of that personal data.
 */
export const requestHash = (secret: string, method: string, path: string, body: unknown): string =>
  createHmac('sha256', secret)
    .update(canonicalJson({ method, path, body: body ?? null }))
    .digest('hex');
