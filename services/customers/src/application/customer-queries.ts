import { DomainError, type Actor } from '@crm/event-sourcing';
import { loadStream, type EventStore } from '@crm/event-store';
import { customerStreamId, evolveCustomer, initialCustomer } from '@crm/customers-domain';
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
    if (state.status !== 'registered') {
      throw new DomainError(
        'not_found',
        'customer.not_found',
        `customer ${customerId} does not exist`,
        undefined,
        {
          customerId,
        },
      );
    }
    return customerView(state, await this.vault.open(customerId, state.personalData), actor);
  }
}
