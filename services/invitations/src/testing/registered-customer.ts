import { CUSTOMER_SERVICE_LAPSED, type CustomerServiceLapsedV1 } from '@crm/customers-contracts';
import {
  aCustomerRegistered,
  customerEventEnvelope,
  publishCustomerEvent,
} from '@crm/customers-directory-replica';
import { eventually } from '@crm/testing';
import type { InvitationsTestApp } from './invitations-test-app';

/**
 * A customer of `ownerBu` registered on the customers topic (lapsed, hence open to every BU, when
 * asked), once the eligibility consumer has it.
 */
export const registeredCustomer = async (
  t: InvitationsTestApp,
  ownerBu: string,
  lapsed = false,
): Promise<string> => {
  const customer = aCustomerRegistered({ ownerBu });
  const topic = t.config.CUSTOMERS_TOPIC;
  await publishCustomerEvent(
    t.producer,
    topic,
    customerEventEnvelope(customer, { type: 'CustomerRegistered', version: 0 }),
  );
  if (lapsed) {
    const data: CustomerServiceLapsedV1 = {
      customerId: customer.customerId,
      ownerBu,
      ownerEmployeeId: `e-${ownerBu}`,
      lastServiceAt: '2026-08-01T02:00:00.000Z',
      lapsedAt: '2026-11-01T02:00:00.000Z',
      policyVersion: 1,
    };
    await publishCustomerEvent(
      t.producer,
      topic,
      customerEventEnvelope(data, { type: CUSTOMER_SERVICE_LAPSED, version: 1 }),
    );
  }
  await eventually(async () => {
    const { rows } = await t.pool.query<{ lapsed: boolean }>(
      `select lapsed from "${t.config.readSchema()}".customer_eligibility where customer_id = $1`,
      [customer.customerId],
    );
    return rows[0]?.lapsed === lapsed ? true : undefined;
  }, `eligibility of ${customer.customerId}`);
  return customer.customerId;
};
