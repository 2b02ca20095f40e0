import { eventually, type ServiceProcess } from '@crm/testing';
import {
  confirmInvitation,
  e2eEnvironment,
  expectInvitationsFollowed,
  scheduleJointEvent,
  type E2eEnvironment,
} from './e2e-processes';

jest.setTimeout(180_000);

/**
 * End to end over real infrastructure, each service in its own process started from its main.ts:
 * the resource_director moves a customer to another BU in the customers process, and the
 * invitations process follows that ownership change only through Kafka (CustomerOwnershipChanged →
 * eligibility read model): the new owner's BU may invite, the old one is refused (INV-14).
 */
describe('customers director reassignment → Kafka → invitations eligibility (e2e, separate processes)', () => {
  let e2e: E2eEnvironment | undefined;
  let customers: ServiceProcess | undefined;
  let invitations: ServiceProcess | undefined;

  beforeAll(async () => {
    e2e = await e2eEnvironment({
      staff1: { sub: 'e-101', bu: 'bu-1', roles: ['staff'] },
      staff2: { sub: 'e-201', bu: 'bu-2', roles: ['staff'] },
      director: { sub: 'd-1', roles: ['resource_director'] },
      coordinator: { sub: 'co-1', roles: ['coordinator'] },
    });
    // Sequential: two cold starts at once on a loaded 2-core machine only slow both down.
    customers = await e2e.start('customers');
    invitations = await e2e.start('invitations');
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it("after the director's reassignment the new owner's BU may invite and the old BU is refused", async () => {
    const t = e2e!;
    // The new owner confirms at the first event, the old owner tries the second (nobody holds it there).
    const first = await scheduleJointEvent(t, invitations, 3);
    const second = await scheduleJointEvent(t, invitations, 4);
    const registered = await t.expectStatus('register', customers, 201, 'POST', '/customers', 'staff1', {
      name: '端到端改派',
      mobile: '13700007777',
      source: 'walk_in',
    });
    const customerId = registered['customerId'] as string;
    const confirm = (jointEventId: string, who: string) =>
      confirmInvitation(t, invitations, jointEventId, customerId, who);

    // The registration has reached invitations once bu-2 is refused because bu-1 owns the customer.
    const before = await eventually(async () => {
      const res = await confirm(first, 'staff2');
      return res.status === 422 && res.body['code'] === 'invitation.customer_unknown' ? undefined : res;
    }, `customer ${customerId} known to the invitations process`);
    expect(before.status).toBe(403);
    expect(before.body).toMatchObject({ code: 'invitation.customer_not_open', details: { ownerBu: 'bu-1' } });

    const moved = await t.expectStatus(
      'reassign',
      customers,
      200,
      'POST',
      `/customers/${customerId}/reassignments`,
      'director',
      { toBu: 'bu-2', toEmployeeId: 'e-201', reason: 'director_decision', note: 'closer branch' },
    );
    expect(moved['recorded']).toEqual(['CustomerOwnershipChanged']);

    await expectInvitationsFollowed(t, invitations, customerId, first, second);
  });
});
