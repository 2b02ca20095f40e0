import type { Actor } from '@crm/event-sourcing';
import { loadStream, type EventStore } from '@crm/event-store';
import {
  customerStreamId,
  evolveCustomer,
  initialCustomer,
  personalDataVisibility,
  requireRegistered,
  type CorrectableField,
  type CustomerConsentRecorded,
  type CustomerDataCorrected,
} from '@crm/customers-domain';
import type { PiiVault } from '../pii/pii-vault';
import { customerView, type CustomerView } from './customer-view';
import { explainOwnership, type OwnershipDecision } from './ownership-explanation';

export interface CorrectionEntry {
  readonly correctionId: string;
  readonly fields: readonly CorrectableField[];
  readonly reason?: string;
  readonly rule: string;
  readonly correctedBy: string;
  readonly correctedAt: string;
}

export type ConsentEntry = { readonly consentId: string } & CustomerConsentRecorded['data'];

/**
 * One customer is read from its stream, not from the list projection: a client that just got its
 * 201 can read the record at once (read-your-writes), whatever the projection's lag.
 */
export class CustomerQueries {
  constructor(
    private readonly store: EventStore,
    private readonly vault: PiiVault,
  ) {}

  /** `asOf`: the record as the system knew it at that instant (record time, decision 3). */
  async getCustomer(customerId: string, actor: Actor, asOf?: Date): Promise<CustomerView> {
    const { state } = await loadStream(
      this.store,
      customerStreamId(customerId),
      evolveCustomer,
      initialCustomer(),
      asOf !== undefined ? { until: asOf } : {},
    );
    const customer = requireRegistered(state, customerId);
    return customerView(customer, await this.vault.open(customerId, customer.personalData), actor);
  }

  /**
   * CUS-05: every correction of the personal data, newest last: which fields, why, who, when. The
   * old and new values stay sealed in the events; the reason is free text, so only those who see
   * the data in full (the owner BU, domain §2.9) read it.
   */
  async corrections(customerId: string, actor: Actor): Promise<CorrectionEntry[]> {
    const { events, state } = await this.history(customerId);
    const customer = requireRegistered(state, customerId);
    const full = personalDataVisibility(customer, actor) === 'full';
    return events
      .filter((e) => e.type === 'CustomerDataCorrected')
      .map((e) => {
        const data = e.data as CustomerDataCorrected['data'];
        return {
          correctionId: e.id,
          fields: data.fields,
          ...(full ? { reason: data.reason } : {}),
          rule: data.rule,
          correctedBy: data.correctedBy,
          correctedAt: data.correctedAt,
        };
      });
  }

  /** DAT-02/22: the consent as recorded each time, oldest first. */
  async consentHistory(customerId: string): Promise<ConsentEntry[]> {
    const { events, state } = await this.history(customerId);
    requireRegistered(state, customerId);
    return events
      .filter((e) => e.type === 'CustomerConsentRecorded')
      .map((e) => ({ consentId: e.id, ...(e.data as CustomerConsentRecorded['data']) }));
  }

  private history(customerId: string) {
    return loadStream(this.store, customerStreamId(customerId), evolveCustomer, initialCustomer());
  }

  async explainOwnership(customerId: string): Promise<OwnershipDecision[]> {
    const { events, state } = await this.history(customerId);
    requireRegistered(state, customerId);
    return explainOwnership(events);
  }

  /** Domain §2.7: every tier the customer had, manual or by policy, with who decided and why. */
  async classificationHistory(customerId: string): Promise<Readonly<Record<string, unknown>>[]> {
    const { events, state } = await this.history(customerId);
    requireRegistered(state, customerId);
    return events
      .filter((e) => e.type === 'CustomerClassified')
      .map((e) => ({ ...e.data, eventId: e.id, actor: e.metadata.actor }));
  }
}
