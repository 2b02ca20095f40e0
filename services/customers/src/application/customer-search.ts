import type { Actor } from '@crm/event-sourcing';
import { loadStream, type EventStore } from '@crm/event-store';
import {
  mobileReservationDecider,
  mobileReservationStreamId,
  parseMobileNumber,
} from '@crm/customers-domain';
import type { PiiVault } from '../pii/pii-vault';
import type { CustomerListReader } from '../projections/customer-list.reader';
import type { CustomerQueries } from './customer-queries';
import type { CustomerView } from './customer-view';

/**
 * Directory search (domain §2.9). By mobile: the keyed hash finds the one registration, whoever
 * owns it (a duplicate check any employee needs), shown masked unless the actor may see it. By
 * name: only among the customers whose data the actor may see in full.
 */
export class CustomerSearch {
  constructor(
    private readonly store: EventStore,
    private readonly vault: PiiVault,
    private readonly queries: CustomerQueries,
    private readonly list: CustomerListReader,
  ) {}

  async byMobile(mobile: string, actor: Actor): Promise<CustomerView[]> {
    const key = this.vault.mobileKey(parseMobileNumber(mobile));
    const { state } = await loadStream(
      this.store,
      mobileReservationStreamId(key),
      mobileReservationDecider.evolve,
      mobileReservationDecider.initialState(),
    );
    if (state.status !== 'reserved') return [];
    const view = await this.queries.getCustomer(state.customerId, actor);
    return view.personalData.visibility === 'forgotten' ? [] : [view];
  }

  byName(name: string, actor: Actor): Promise<CustomerView[]> {
    return this.list.searchByName(name, actor);
  }
}
