import { createHmac } from 'node:crypto';
import type { MobileNumber } from '@crm/customers-domain';

/**
 * Keyed hash of a normalised mobile: equal numbers give equal keys (so uniqueness and lookups
 * work without storing the number), while without the service secret the 10^10-sized space of
 * mobile numbers cannot be brute-forced from stream names or tables.
 */
export const mobileLookupKey = (secret: string, mobile: MobileNumber): string =>
  createHmac('sha256', secret).update(`mobile:${mobile}`, 'utf8').digest('hex');
