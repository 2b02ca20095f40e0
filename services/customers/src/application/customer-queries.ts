import type { Actor } from '@crm/event-sourcing';
import { loadStream, type EventStore } from '@crm/event-store';
import { customerStreamId, evolveCustomer, initialCustomer, requireRegistered } from '@crm/customers-domain';
import type { PiiVault } from '../pii/pii-vault';
import { customerView, type CustomerView } from './customer-view';

/**
 * One customer is read from its stream, not from the list projection: a client that just got its
 * 201 can read the record at once (read-your-writes), whatever the projection's lag.
 */
export class CustomerQueries {
  constructor(
    private readonly store: EventStore,
    private readonly vault: PiiVault,
  ) {}

  async getCustomer(customerId: string, actor: Actor): Promise<CustomerView> {
    const { state } = await loadStream(
      this.store,
      customerStreamId(customerId),
      evolveCustomer,
      initialCustomer(),
    );
    const customer = requireRegistered(state, customerId);
    return customerView(customer, await this.vault.open(customerId, customer.personalData), actor);
  }
}
