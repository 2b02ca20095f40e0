import type { Actor } from '@crm/event-sourcing';
import { loadStream, type EventStore } from '@crm/event-store';
import { customerStreamId, evolveCustomer, initialCustomer, requireRegistered } from '@crm/customers-domain';
import type { PiiVault } from '../pii/pii-vault';
import { customerView, type CustomerView } from './customer-view';
import { explainOwnership, type OwnershipDecision } from './ownership-explanation';

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

  async explainOwnership(customerId: string): Promise<OwnershipDecision[]> {
    const { events, state } = await loadStream(
      this.store,
      customerStreamId(customerId),
      evolveCustomer,
      initialCustomer(),
    );
    requireRegistered(state, customerId);
    return explainOwnership(events);
  }

  /** Domain §2.7: every tier the customer had, manual or by policy, with who decided and why. */
  async classificationHistory(customerId: string): Promise<Readonly<Record<string, unknown>>[]> {
    const { events, state } = await loadStream(
      this.store,
      customerStreamId(customerId),
      evolveCustomer,
      initialCustomer(),
    );
    requireRegistered(state, customerId);
    return events
      .filter((e) => e.type === 'CustomerClassified')
      .map((e) => ({ ...e.data, eventId: e.id, actor: e.metadata.actor }));
  }
}
