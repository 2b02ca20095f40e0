import { mintToken } from '@crm/nest';
import {
  DEMO_BU_PEOPLE,
  DEMO_BUSINESS_UNITS,
  DEMO_CONFIRMATIONS_PER_BU,
  DEMO_CUSTOMERS,
  DEMO_HEAD_OFFICE,
  DEMO_HEAD_OFFICE_UNIT,
  DEMO_OUTREACH,
  DEMO_PEOPLE,
  type DemoCustomer,
} from './demo-company';
import { demoCall, expectOneOf, waitUntilHealthy, type DemoReply } from './demo-http';

export interface SeedDemoOptions {
  readonly customersUrl: string;
  readonly invitationsUrl: string;
  /** Signs the tokens, as `npm run token` does. */
  readonly jwtSecret: string;
  /** Do nothing when the staff directory already has members. */
  readonly ifEmpty?: boolean;
  /** How long to wait for the services to be healthy (default 120 s). */
  readonly startupTimeoutMs?: number;
  /** How long to wait for a customer to reach invitations through Kafka (default 60 s). */
  readonly propagationTimeoutMs?: number;
  readonly now?: Date;
  readonly log?: (line: string) => void;
}

/** What one run did: `created` is new this run, `existing` was there before. */
export interface SeedDemoResult {
  readonly skipped: boolean;
  readonly businessUnits: { readonly created: number; readonly existing: number };
  readonly staff: { readonly created: number; readonly existing: number };
  readonly customers: { readonly created: number; readonly existing: number };
  readonly outreachBatchId?: string;
  readonly jointEventId?: string;
  readonly jointEventDate?: string;
  readonly confirmations: { readonly created: number; readonly existing: number };
}

const PARALLEL_REGISTRATIONS = 4;
const SOURCES = ['walk_in', 'outreach', 'phone', 'event'] as const;
const KEY_PREFIX = 'demo-seed';

/** A day `days` after `now` in Asia/Shanghai (the services' business calendar), as YYYY-MM-DD. */
export const shanghaiDay = (now: Date, days: number): string =>
  new Date(now.getTime() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

const tally = () => ({ created: 0, existing: 0 });

/**
 * Creates the demo company only through the services' HTTP APIs, as its people would. Running it
 * again creates nothing twice: BUs, staff and customers are recognised by their ids and mobiles
 * (409 = already there), the batch and the joint event by deterministic Idempotency-Keys, and a
 * BU's repeated confirmation records nothing.
 */
export const seedDemo = async (options: SeedDemoOptions): Promise<SeedDemoResult> => {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? new Date();
  for (const url of [options.customersUrl, options.invitationsUrl]) {
    await waitUntilHealthy(url, options.startupTimeoutMs ?? 120_000);
  }
  const tokens = new Map<string, string>();
  for (const p of DEMO_PEOPLE) {
    tokens.set(
      p.id,
      await mintToken(
        {
          sub: p.id,
          name: p.name,
          roles: [...p.roles],
          // Head-office people act for no BU; the directory knows them in hq.
          ...(p.bu !== DEMO_HEAD_OFFICE_UNIT.buId ? { bu: p.bu } : {}),
        },
        options.jwtSecret,
        '1h',
      ),
    );
  }
  const as = (personId: string): string => tokens.get(personId) ?? '';
  const customers = (method: 'GET' | 'POST', path: string, who: string, body?: object, key?: string) =>
    demoCall(options.customersUrl, method, path, as(who), body, key);
  const invitations = (method: 'GET' | 'POST', path: string, who: string, body?: object, key?: string) =>
    demoCall(options.invitationsUrl, method, path, as(who), body, key);

  const result = {
    businessUnits: tally(),
    staff: tally(),
    customers: tally(),
    confirmations: tally(),
  };
  if (options.ifEmpty === true) {
    const staff = expectOneOf('list staff', await customers('GET', '/staff', 'hq-gm'), [200]);
    const members = (staff.body['items'] as unknown[] | undefined) ?? [];
    if (members.length > 0) {
      log(`the staff directory already has ${members.length} members: nothing to seed`);
      return { skipped: true, ...result };
    }
  }

  // The GM opens the head office and joins it while the directory is still empty (the bootstrap),
  // then acts as a member of it.
  for (const bu of [DEMO_HEAD_OFFICE_UNIT, ...DEMO_BUSINESS_UNITS]) {
    const headOffice = bu === DEMO_HEAD_OFFICE_UNIT ? { headOffice: true } : {};
    const res = await customers('POST', '/staff/business-units', 'hq-gm', {
      buId: bu.buId,
      name: bu.name,
      ...headOffice,
    });
    result.businessUnits[
      expectOneOf(`open ${bu.buId}`, res, [201, 409]).status === 201 ? 'created' : 'existing'
    ]++;
  }
  for (const p of [...DEMO_HEAD_OFFICE, ...DEMO_BU_PEOPLE]) {
    const res = await customers('POST', '/staff', 'hq-gm', {
      employeeId: p.id,
      bu: p.bu,
      displayName: p.name,
      posts: p.roles,
      email: p.email,
    });
    result.staff[expectOneOf(`join ${p.id}`, res, [201, 409]).status === 201 ? 'created' : 'existing']++;
  }
  log(`business units: ${JSON.stringify(result.businessUnits)}, staff: ${JSON.stringify(result.staff)}`);

  const customerIds = new Map<number, string>();
  const register = async (c: DemoCustomer): Promise<void> => {
    const res = await customers('POST', '/customers', c.ownerId, {
      name: c.name,
      mobile: c.mobile,
      address: c.address,
      source: SOURCES[c.index % SOURCES.length],
    });
    expectOneOf(`register customer ${c.index}`, res, [201, 409]);
    if (res.status === 201) {
      result.customers.created++;
      customerIds.set(c.index, res.body['customerId'] as string);
      return;
    }
    const details = res.body['details'] as { existingCustomerId?: string } | undefined;
    if (res.body['code'] !== 'customer.mobile_taken' || details?.existingCustomerId === undefined) {
      throw new Error(`register customer ${c.index}: HTTP 409 ${JSON.stringify(res.body)}`);
    }
    result.customers.existing++;
    customerIds.set(c.index, details.existingCustomerId);
  };
  for (let i = 0; i < DEMO_CUSTOMERS.length; i += PARALLEL_REGISTRATIONS) {
    await Promise.all(DEMO_CUSTOMERS.slice(i, i + PARALLEL_REGISTRATIONS).map(register));
  }
  log(`customers: ${JSON.stringify(result.customers)}`);

  const batch = expectOneOf(
    'submit the outreach batch',
    await customers(
      'POST',
      '/outreach-batches',
      DEMO_OUTREACH.managerId,
      {
        seminar: DEMO_OUTREACH.seminar,
        participants: DEMO_OUTREACH.participants,
        recordCount: DEMO_OUTREACH.recordCount,
      },
      `${KEY_PREFIX}:outreach-batch:v1`,
    ),
    [201],
  );
  const outreachBatchId = batch.body['batchId'] as string;

  // In the coming week and inside the 7-day filing window, so confirmations are open now.
  const jointEventDate = shanghaiDay(now, 3);
  const scheduled = expectOneOf(
    'schedule the joint event',
    await untilKnown(
      () =>
        invitations(
          'POST',
          '/joint-events',
          'hq-coordinator',
          {
            date: jointEventDate,
            slot: 'afternoon',
            venue: '上海国际会议中心 · 健康生活节',
            businessUnits: DEMO_BUSINESS_UNITS.map((b) => b.buId),
            coordinatorId: 'hq-coordinator',
          },
          `${KEY_PREFIX}:joint-event:${jointEventDate}`,
        ),
      options.propagationTimeoutMs ?? 60_000,
    ),
    [201],
  );
  const jointEventId = scheduled.body['jointEventId'] as string;

  for (const bu of DEMO_BUSINESS_UNITS) {
    const owned = DEMO_CUSTOMERS.filter(
      (c) => DEMO_BU_PEOPLE.find((p) => p.id === c.ownerId)?.bu === bu.buId,
    );
    for (const c of owned.slice(0, DEMO_CONFIRMATIONS_PER_BU)) {
      const customerId = customerIds.get(c.index) ?? '';
      const res = await untilKnown(
        () => invitations('POST', `/joint-events/${jointEventId}/invitations`, c.ownerId, { customerId }),
        options.propagationTimeoutMs ?? 60_000,
      );
      expectOneOf(`confirm customer ${c.index} for ${bu.buId}`, res, [201]);
      const recorded = (res.body['events'] as unknown[] | undefined) ?? [];
      result.confirmations[recorded.length > 0 ? 'created' : 'existing']++;
    }
  }
  log(
    `joint event ${jointEventId} on ${jointEventDate}, confirmations: ${JSON.stringify(result.confirmations)}`,
  );
  return { skipped: false, ...result, outreachBatchId, jointEventId, jointEventDate };
};

/** Answers meaning "not arrived through Kafka yet": a new customer, or a new member of the staff directory. */
const NOT_YET_KNOWN: readonly (readonly [number, string])[] = [
  [422, 'invitation.customer_unknown'],
  [403, 'actor.unknown_employee'],
];

/** New customers and staff reach invitations through Kafka; until then it answers as above. */
const untilKnown = async (attempt: () => Promise<DemoReply>, timeoutMs: number): Promise<DemoReply> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await attempt();
    const pending = NOT_YET_KNOWN.some(
      ([status, code]) => res.status === status && res.body['code'] === code,
    );
    if (!pending || Date.now() > deadline) return res;
    await new Promise((r) => setTimeout(r, 250));
  }
};
