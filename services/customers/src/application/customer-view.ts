import type { Actor } from '@crm/event-sourcing';
import {
  type CustomerConsent,
  maskPersonalData,
  personalDataVisibility,
  type RegisteredCustomerFacts,
  type ValueTier,
} from '@crm/customers-domain';
import type { OpenedPersonalData } from '../pii/pii-vault';

/** The customer's facts without the sealed personal data, which is opened separately. */
export type CustomerRecord = Omit<RegisteredCustomerFacts, 'personalData'> & {
  /** Lapsed customers are open to other BUs (ARC-70): their data is shown unmasked to them. */
  readonly lapsed?: boolean;
  readonly tier?: ValueTier;
  /** The consent as last recorded (DAT-02, DAT-22); absent when none was recorded. */
  readonly consent?: CustomerConsent;
  /** When the personal data was last corrected (CUS-05). */
  readonly correctedAt?: string;
};

export type PersonalDataView =
  | { readonly visibility: 'full'; readonly name: string; readonly mobile: string; readonly address?: string }
  | { readonly visibility: 'masked'; readonly name: string; readonly mobile: string }
  | { readonly visibility: 'forgotten' };

export interface CustomerView extends CustomerRecord {
  readonly personalData: PersonalDataView;
}

/** Decides what this actor may see of one customer's personal data (domain §2.9). */
export const customerView = (
  record: CustomerRecord,
  opened: OpenedPersonalData,
  actor: Actor,
): CustomerView => {
  const base: CustomerRecord = {
    customerId: record.customerId,
    source: record.source,
    ownerBu: record.ownerBu,
    ownerEmployeeId: record.ownerEmployeeId,
    registeredAt: record.registeredAt,
    ...(record.referredBy !== undefined ? { referredBy: record.referredBy } : {}),
    ...(record.lapsed !== undefined ? { lapsed: record.lapsed } : {}),
    ...(record.tier !== undefined ? { tier: record.tier } : {}),
    ...(record.consent !== undefined ? { consent: record.consent } : {}),
    ...(record.correctedAt !== undefined ? { correctedAt: record.correctedAt } : {}),
  };
  if (opened.status === 'forgotten') return { ...base, personalData: { visibility: 'forgotten' } };
  if (personalDataVisibility(record, actor) === 'masked') {
    return { ...base, personalData: { visibility: 'masked', ...maskPersonalData(opened.data) } };
  }
  const { name, mobile, address } = opened.data;
  return {
    ...base,
    personalData: { visibility: 'full', name, mobile, ...(address !== undefined ? { address } : {}) },
  };
};
