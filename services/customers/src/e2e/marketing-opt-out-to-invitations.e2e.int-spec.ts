import { eventually, type ServiceProcess } from '@crm/testing';
import { confirmInvitation, e2eEnvironment, scheduleJointEvent, type E2eEnvironment } from './e2e-processes';

jest.setTimeout(180_000);

/**
 * End to end over real infrastructure, each service in its own process started from its main.ts:
 * a customer opts out of marketing in the customers process (DAT-22), the invitations process
 * learns it only through Kafka (CustomerConsentChanged → eligibility read model) and refuses to
 * confirm an invitation with 422; opting in again lifts the refusal.
 */
describe('customers marketing opt-out → Kafka → invitations refuses (e2e, separate processes)', () => {
  let e2e: E2eEnvironment | undefined;
  let customers: ServiceProcess | undefined;
  let invitations: ServiceProcess | undefined;

  beforeAll(async () => {
    e2e = await e2eEnvironment({
      staff1: { sub: 'e-101', bu: 'bu-1', roles: ['staff'] },
      coordinator: { sub: 'co-1', roles: ['coordinator'] },
    });
    // Sequential: two cold starts at once on a loaded 2-core machine only slow both down.
    customers = await e2e.start('customers');
    invitations = await e2e.start('invitations');
  });

  afterAll(async () => {
    await e2e?.close();
  });

  it('an opted-out customer is refused 422 naming DAT-22, another confirmed, and opting in lifts it', async () => {
    const t = e2e!;
    const jointEventId = await scheduleJointEvent(t, invitations, 3);
    const register = async (mobile: string): Promise<string> =>
      (
        await t.expectStatus('register', customers, 201, 'POST', '/customers', 'staff1', {
          name: '端到端退订',
          mobile,
          source: 'walk_in',
        })
      )['customerId'] as string;
    const optedOut = await register('13700008881');
    const consent = (marketingOptOut: boolean, purposes: string[]) =>
      t.expectStatus('consent', customers, 200, 'POST', `/customers/${optedOut}/consent`, 'staff1', {
        purposes,
        marketingOptOut,
        channel: 'phone',
      });
    await consent(true, ['service']);
    const control = await register('13700008882');

    const known = (customerId: string) =>
      eventually(async () => {
        const res = await confirmInvitation(t, invitations, jointEventId, customerId, 'staff1');
        return res.status === 422 && res.body['code'] === 'invitation.customer_unknown' ? undefined : res;
      }, `customer ${customerId} known to the invitations process`);
    // The control customer, registered after the opt-out and published after it on the one-partition topic, is
    // confirmed only once everything before it arrived: the refusal below is not a timing accident.
    const confirmed = await known(control);
    expect(confirmed.status).toBe(201);
    const refused = await known(optedOut);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'invitation.customer_opted_out',
      rule: 'DAT-22',
      details: { customerId: optedOut },
    });

    await consent(false, ['service', 'marketing', 'event_invitation']);
    const lifted = await eventually(async () => {
      const res = await confirmInvitation(t, invitations, jointEventId, optedOut, 'staff1');
      return res.status === 422 ? undefined : res;
    }, `opt-in of ${optedOut} reaching the invitations process`);
    expect(lifted.status).toBe(201);
  });
});
