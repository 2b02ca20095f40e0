import {
  aCustomerRegistered,
  startReplicaHostProcess,
  type ReplicaHostProcess,
} from '@crm/customers-directory-replica';
import { eventually, requireKafka, requirePostgres } from '@crm/testing';

jest.setTimeout(120_000);

/**
 * The replica itself is tested in libs/customers/directory-replica; this proves that the credit
 * service's main.ts hosts it and starts its consumer.
 */
describe('credit service hosts the customers directory replica', () => {
  let host: ReplicaHostProcess;

  beforeAll(async () => {
    await Promise.all([requirePostgres(), requireKafka()]);
    host = await startReplicaHostProcess('credit');
  });

  afterAll(async () => {
    await host?.stop();
  });

  it('shows a customer published on the customers topic at GET /customer-directory/:id', async () => {
    const customer = aCustomerRegistered({ ownerBu: 'bu-credit' });
    const { envelope } = await host.publish(customer);
    const entry = await eventually(() => host.directoryEntry(customer.customerId), 'the customer in credit');
    expect(entry).toMatchObject({ ownerBu: 'bu-credit', lastEventId: envelope.eventId });
  });
});
