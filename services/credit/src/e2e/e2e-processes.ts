import { mintToken, type TokenClaims } from '@crm/nest';
import { customerDirectoryConsumerName } from '@crm/customers-directory-replica';
import { dlqTopicFor, ensureTopics } from '@crm/messaging';
import { startE2eEnvironment, type E2eReply, type ServiceProcess } from '@crm/testing';

export const E2E_JWT_SECRET = 'e2e-jwt-secret-0123456789abcdef';

export type Reply = E2eReply;

/**
 * The shared e2e environment (@crm/testing) for the credit files. Every service they start runs
 * one inbox consumer, named after the directory replica's.
 */
export const e2eEnvironment = async (claims: Readonly<Record<string, TokenClaims>>) => {
  const tokens: Record<string, string> = {};
  for (const [who, c] of Object.entries(claims)) tokens[who] = await mintToken(c, E2E_JWT_SECRET);
  return startE2eEnvironment({
    jwtSecret: E2E_JWT_SECRET,
    tokens,
    consumerGroupsOf: (_service, schema) => [customerDirectoryConsumerName({ SCHEMA: schema })],
    messaging: { ensureTopics, dlqTopicFor },
  });
};

export type E2eEnvironment = Awaited<ReturnType<typeof e2eEnvironment>>;

/**
 * A complaint worked over the complaints API up to the customer's acceptance of an approved
 * allowance or return: register → classify → assign → investigate → propose → approve → reply →
 * accept. Without `concerned`, the complaints service takes the customer's owner from its
 * customers directory. Needs the people `agent` (cs_agent), `csm` (cs_manager), `handler-1`
 * (staff). Returns the case id.
 */
export const settleComplaint = async (
  e2e: E2eEnvironment,
  complaints: ServiceProcess | undefined,
  customerId: string,
  item: { readonly kind: 'allowance' | 'return'; readonly amountFen: number; readonly bu: string },
  concerned?: { readonly concernedEmployeeId: string; readonly concernedBu: string },
): Promise<string> => {
  const work = async (path: string, who: string, expected: number, body: object = {}): Promise<Reply> => {
    const res = await e2e.call(complaints, 'POST', path, who, body);
    if (res.status !== expected)
      throw new Error(
        `${path}: ${res.status} ${JSON.stringify(res.body)}\n${complaints?.output().slice(-2000) ?? ''}`,
      );
    return res;
  };
  const registered = await work('/cases', 'agent', 201, {
    kind: 'complaint',
    channel: 'hotline',
    customerId,
    subject: 'scratched table',
    description: 'delivered with a deep scratch',
    ...concerned,
  });
  const id = registered.body['caseId'] as string;
  await work(`/cases/${id}/classify`, 'agent', 200, { cause: 'product_quality' });
  await work(`/cases/${id}/assign`, 'csm', 200, { handlerId: 'handler-1', responsibleBu: item.bu });
  await work(`/cases/${id}/investigation`, 'handler-1', 200, { findings: 'courier damage' });
  await work(`/cases/${id}/resolution`, 'handler-1', 200, {
    items: [
      { itemId: 'apology', kind: 'apology', description: 'letter', amountFen: 0 },
      { itemId: 'settle', kind: item.kind, description: `price ${item.kind}`, amountFen: item.amountFen },
    ],
  });
  await work(`/cases/${id}/resolution/approval`, 'csm', 200);
  await work(`/cases/${id}/reply`, 'handler-1', 200, { itemIds: ['apology', 'settle'], message: 'sorry' });
  const accepted = await work(`/cases/${id}/acceptance`, 'agent', 200);
  if (JSON.stringify(accepted.body['events']) !== JSON.stringify(['CustomerAccepted', 'SettlementApproved']))
    throw new Error(`acceptance of ${id} did not approve the settlement: ${JSON.stringify(accepted.body)}`);
  return id;
};

/** The credit account as the credit API shows it to an auditor; undefined while it does not exist. */
export const creditAccount = async (
  e2e: E2eEnvironment,
  credit: ServiceProcess | undefined,
  accountId: string,
): Promise<Record<string, unknown> | undefined> => {
  const res = await e2e.call(credit, 'GET', `/credit-accounts/${accountId}`, 'auditor');
  if (res.status === 404) return undefined;
  if (res.status !== 200)
    throw new Error(`credit account ${accountId}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};
