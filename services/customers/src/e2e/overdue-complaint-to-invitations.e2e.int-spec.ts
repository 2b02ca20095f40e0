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
 * End to end over real infrastructure, three services each in its own process (main.ts): a
 * complaint left unresolved past its deadline in the complaints process (CMP-32) makes the
 * customers process move the customer to an employee of another BU, and the invitations process
 * then lets the new owner's BU invite and refuses the old one (INV-14) — all only through Kafka.
 *
 * No process lets a test move its clock (the clock is an in-process module option; main.ts always
 * uses the system clock), so the deadline is reached in real time instead: the gm adopts a
 * `complaints.rules` version whose complaint deadline is 0 working days, so a complaint registered
 * under it is due at once and the complaints process's own timer runner marks it overdue.
 */
describe('overdue complaint → customers reassignment → invitations eligibility (e2e, separate processes)', () => {
  let e2e: E2eEnvironment | undefined;
  let customers: ServiceProcess | undefined;
  let complaints: ServiceProcess | undefined;
  let invitations: ServiceProcess | undefined;

  beforeAll(async () => {
    e2e = await e2eEnvironment({
      staff1: { sub: 'e-101', bu: 'bu-1', roles: ['staff'] },
      staff2: { sub: 'e-201', bu: 'bu-2', roles: ['staff'] },
      gm: { sub: 'gm-1', roles: ['gm'] },
      agent: { sub: 'agent-1', roles: ['cs_agent'] },
      coordinator: { sub: 'co-1', roles: ['coordinator'] },
    });
    // Sequential: cold starts at once on a loaded 2-core machine only slow each other down.
    customers = await e2e.start('customers');
    complaints = await e2e.start('complaints');
    invitations = await e2e.start('invitations');
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('an overdue complaint moves the customer to another BU, which may then invite while the old BU is refused', async () => {
    const t = e2e!;
    // The staff directory of the customers process: the candidates a transfer chooses from.
    for (const [buId, name] of [
      ['bu-1', 'North'],
      ['bu-2', 'South'],
    ])
      await t.expectStatus('bu', customers, 201, 'POST', '/staff/business-units', 'gm', { buId, name });
    for (const [employeeId, bu] of [
      ['e-101', 'bu-1'],
      ['e-201', 'bu-2'],
    ])
      await t.expectStatus('staff', customers, 201, 'POST', '/staff', 'gm', {
        employeeId,
        bu,
        displayName: employeeId,
      });
    const registered = await t.expectStatus('register', customers, 201, 'POST', '/customers', 'staff1', {
      name: '端到端投诉',
      mobile: '13700009991',
      source: 'walk_in',
    });
    const customerId = registered['customerId'] as string;
    const first = await scheduleJointEvent(t, invitations, 3);
    const second = await scheduleJointEvent(t, invitations, 4);

    // Before the complaint: the registration has reached invitations, and bu-2 is refused for bu-1.
    const before = await eventually(async () => {
      const res = await confirmInvitation(t, invitations, first, customerId, 'staff2');
      return res.status === 422 && res.body['code'] === 'invitation.customer_unknown' ? undefined : res;
    }, `customer ${customerId} known to the invitations process`);
    expect(before.body).toMatchObject({ code: 'invitation.customer_not_open', details: { ownerBu: 'bu-1' } });

    // A complaint deadline of 0 working days: due the moment the complaint is registered.
    const rules = await t.expectStatus('rules', complaints, 200, 'GET', '/policies/complaints.rules', 'gm');
    const inForce = rules['inForce'] as { params: { deadlines: Record<string, number> } };
    await t.expectStatus('adopt', complaints, 201, 'POST', '/policies/complaints.rules/versions', 'gm', {
      version: 'v2',
      effectiveFrom: new Date().toISOString(),
      params: { ...inForce.params, deadlines: { ...inForce.params.deadlines, complaintWorkingDays: 0 } },
      reason: 'e2e: a complaint due at once',
    });
    const registeredCase = await t.expectStatus('complaint', complaints, 201, 'POST', '/cases', 'agent', {
      kind: 'complaint',
      channel: 'hotline',
      customerId,
      subject: 'installation never happened',
      description: 'waited all day',
      concernedEmployeeId: 'e-101',
      concernedBu: 'bu-1',
    });
    const caseId = registeredCase['caseId'] as string;

    // The complaints process's timer marks it overdue; the customers process moves the customer.
    const moved = await eventually(async () => {
      const res = await t.call(customers, 'GET', `/customers/${customerId}`, 'gm');
      return res.status === 200 && res.body['ownerBu'] !== 'bu-1' ? res.body : undefined;
    }, `customer ${customerId} moved after case ${caseId} went overdue`);
    expect(moved).toMatchObject({ ownerBu: 'bu-2', ownerEmployeeId: 'e-201' });
    const explanation = (await t.expectStatus(
      'explanation',
      customers,
      200,
      'GET',
      `/customers/${customerId}/ownership/explanation`,
      'gm',
    )) as unknown as { decision: string }[];
    expect(explanation.filter((d) => d.decision === 'ownership_changed')).toEqual([
      expect.objectContaining({ reason: 'unresolved_complaint', ownerBu: 'bu-2', ownerEmployeeId: 'e-201' }),
    ]);

    await expectInvitationsFollowed(t, invitations, customerId, first, second);
  });
});
