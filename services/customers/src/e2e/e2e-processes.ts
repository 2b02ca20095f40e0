import { mintToken, type TokenClaims } from '@crm/nest';
import { customerDirectoryConsumerName } from '@crm/customers-directory-replica';
import { dlqTopicFor, ensureTopics } from '@crm/messaging';
import { eventually, startE2eEnvironment, type E2eReply, type ServiceProcess } from '@crm/testing';

const E2E_JWT_SECRET = 'e2e-jwt-secret-0123456789abcdef';

export type Reply = E2eReply;
type E2eService = 'customers' | 'complaints' | 'invitations';

/** A day `days` after today in Asia/Shanghai (the services' business calendar), as YYYY-MM-DD. */
export const shanghaiDayIn = (days: number): string =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The consumer groups a service process joins; each service names them after its schema (the
 * names are repeated here because a service never imports another service's code).
 */
const groupsOf = (service: string, schema: string): string[] =>
  service === 'customers'
    ? [`${schema}.inbound-facts`]
    : service === 'invitations'
      ? [customerDirectoryConsumerName({ SCHEMA: schema }), `${schema}.credit-blocks`]
      : [customerDirectoryConsumerName({ SCHEMA: schema })];

/** The shared e2e environment (@crm/testing) with the customers files' people and service settings. */
export const e2eEnvironment = async (claims: Readonly<Record<string, TokenClaims>>) => {
  const tokens: Record<string, string> = {};
  for (const [who, c] of Object.entries(claims)) tokens[who] = await mintToken(c, E2E_JWT_SECRET);
  const e2e = await startE2eEnvironment({
    jwtSecret: E2E_JWT_SECRET,
    tokens,
    consumerGroupsOf: groupsOf,
    messaging: { ensureTopics, dlqTopicFor },
  });
  return {
    ...e2e,
    /** Starts one service from its main.ts with its own schema and this file's topics. */
    start: (service: E2eService): Promise<ServiceProcess> =>
      e2e.start(
        service,
        service === 'customers' ? { PII_HMAC_SECRET: `e2e-hmac-${e2e.suffix}-0123456789abcdefghij` } : {},
      ),
  };
};

export type E2eEnvironment = Awaited<ReturnType<typeof e2eEnvironment>>;

/** A joint event of bu-1 and bu-2 `days` ahead, inside the 7-day filing window whatever today is. */
export const scheduleJointEvent = async (
  e2e: E2eEnvironment,
  invitations: ServiceProcess | undefined,
  days: number,
): Promise<string> => {
  const body = await e2e.expectStatus('schedule', invitations, 201, 'POST', '/joint-events', 'coordinator', {
    date: shanghaiDayIn(days),
    slot: 'evening',
    venue: `Hall E2E ${days}`,
    businessUnits: ['bu-1', 'bu-2'],
    coordinatorId: 'co-1',
  });
  return body['jointEventId'] as string;
};

/** Confirms an invitation of the customer to the joint event as a named person. */
export const confirmInvitation = (
  e2e: E2eEnvironment,
  invitations: ServiceProcess | undefined,
  jointEventId: string,
  customerId: string,
  who: string,
): Promise<Reply> =>
  e2e.call(invitations, 'POST', `/joint-events/${jointEventId}/invitations`, who, { customerId });

/**
 * The customer has just moved from bu-1 to e-201 of bu-2 in the customers process: once the change
 * reaches the invitations process (until then bu-2 is still refused for bu-1), bu-2 confirms at the
 * first event as owner, and bu-1 is refused at the second (INV-14), where nobody holds the customer.
 */
export const expectInvitationsFollowed = async (
  e2e: E2eEnvironment,
  invitations: ServiceProcess | undefined,
  customerId: string,
  first: string,
  second: string,
): Promise<void> => {
  const confirmed = await eventually(async () => {
    const res = await confirmInvitation(e2e, invitations, first, customerId, 'staff2');
    const stale = res.status === 403 && (res.body['details'] as { ownerBu?: string })?.ownerBu === 'bu-1';
    return stale ? undefined : res;
  }, `ownership change of ${customerId} reaching the invitations process`);
  if (confirmed.status !== 201)
    throw new Error(`confirm by the new owner BU: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  expect(confirmed.body['events']).toEqual([
    expect.objectContaining({
      type: 'InvitationConfirmed',
      data: expect.objectContaining({ customerId, bu: 'bu-2', employeeId: 'e-201', access: 'owner' }),
    }),
  ]);
  const refused = await confirmInvitation(e2e, invitations, second, customerId, 'staff1');
  expect(refused.status).toBe(403);
  expect(refused.body).toMatchObject({
    code: 'invitation.customer_not_open',
    rule: 'INV-14',
    details: { ownerBu: 'bu-2' },
  });
};
