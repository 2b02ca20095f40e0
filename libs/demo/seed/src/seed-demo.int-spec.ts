import { customerDirectoryConsumerName } from '@crm/customers-directory-replica';
import { dlqTopicFor, ensureTopics } from '@crm/messaging';
import { mintToken } from '@crm/nest';
import { eventually, startE2eEnvironment, type E2eEnvironment, type ServiceProcess } from '@crm/testing';
import {
  DEMO_BU_PEOPLE,
  DEMO_BUSINESS_UNITS,
  DEMO_CUSTOMER_COUNT,
  DEMO_HEAD_OFFICE,
  DEMO_HEAD_OFFICE_UNIT,
} from './demo-company';
import { seedDemo, type SeedDemoResult } from './seed-demo';

jest.setTimeout(300_000);

const JWT_SECRET = 'seed-e2e-jwt-secret-0123456789abcdef';

/** Consumer groups of the two processes, named as their main.ts names them. */
const groupsOf = (service: string, schema: string): string[] =>
  service === 'customers'
    ? [`${schema}.inbound-facts`]
    : [customerDirectoryConsumerName({ SCHEMA: schema }), `${schema}.credit-blocks`];

/**
 * The demo seed against the customers and invitations services, each in its own process started
 * from its main.ts on real PostgreSQL and Kafka (complaints and credit get no demo data, so they
 * are not started). Run twice, it creates everything once; with --if-empty it then does nothing.
 */
describe('npm run seed:demo (customers + invitations processes)', () => {
  let e2e: E2eEnvironment | undefined;
  let customers: ServiceProcess | undefined;
  let invitations: ServiceProcess | undefined;

  beforeAll(async () => {
    const gm = await mintToken({ sub: 'hq-gm', roles: ['gm'] }, JWT_SECRET);
    const staff = await mintToken({ sub: 'east-s1', bu: 'bu-east', roles: ['staff'] }, JWT_SECRET);
    e2e = await startE2eEnvironment({
      jwtSecret: JWT_SECRET,
      tokens: { gm, staff },
      consumerGroupsOf: groupsOf,
      messaging: { ensureTopics, dlqTopicFor },
    });
    customers = await e2e.start('customers', { PII_HMAC_SECRET: `seed-hmac-${e2e.suffix}-0123456789abcdef` });
    invitations = await e2e.start('invitations');
  });

  afterAll(async () => {
    await e2e?.close();
  });

  const seed = (ifEmpty = false): Promise<SeedDemoResult> =>
    seedDemo({
      customersUrl: customers?.baseUrl ?? '',
      invitationsUrl: invitations?.baseUrl ?? '',
      jwtSecret: JWT_SECRET,
      ifEmpty,
    });

  /** What the services hold, read back through their APIs. */
  const counts = async (jointEventId: string, batchId: string) => {
    const t = e2e!;
    const staff = await t.expectStatus('staff', customers, 200, 'GET', '/staff', 'gm');
    const bus = await t.expectStatus('business units', customers, 200, 'GET', '/staff/business-units', 'gm');
    const list = await t.expectStatus('customers', customers, 200, 'GET', '/customers?limit=1', 'gm');
    const batch = await t.expectStatus('batch', customers, 200, 'GET', `/outreach-batches/${batchId}`, 'gm');
    const board = await t.expectStatus(
      'board',
      invitations,
      200,
      'GET',
      `/joint-events/${jointEventId}/board`,
      'gm',
    );
    const confirmed = (board['confirmed'] as { bu: string; confirmed: number }[]) ?? [];
    return {
      staff: (staff as unknown as unknown[]).length,
      businessUnits: (bus as unknown as { buId: string }[]).map((b) => b.buId).sort(),
      customers: list['total'],
      batchStatus: batch['status'],
      confirmedPerBu: Object.fromEntries(confirmed.map((c) => [c.bu, c.confirmed])),
    };
  };

  const people = DEMO_BU_PEOPLE.length + DEMO_HEAD_OFFICE.length;
  const expected = {
    staff: people,
    businessUnits: [DEMO_HEAD_OFFICE_UNIT, ...DEMO_BUSINESS_UNITS].map((b) => b.buId).sort(),
    customers: DEMO_CUSTOMER_COUNT,
    batchStatus: 'submitted',
    confirmedPerBu: { 'bu-east': 2, 'bu-north': 2, 'bu-south': 2 },
  };

  it('creates the company once, however often it runs', async () => {
    const first = await seed();
    expect(first).toMatchObject({
      skipped: false,
      businessUnits: { created: 4, existing: 0 },
      staff: { created: people, existing: 0 },
      customers: { created: DEMO_CUSTOMER_COUNT, existing: 0 },
      confirmations: { created: 6, existing: 0 },
    });
    const jointEventId = first.jointEventId ?? '';
    const batchId = first.outreachBatchId ?? '';
    // The list and the board are projections: wait until they show everything once.
    await eventually(async () => {
      const now = await counts(jointEventId, batchId);
      return JSON.stringify(now) === JSON.stringify(expected) ? now : undefined;
    }, 'the first run visible in the read models');

    const second = await seed();
    expect(second).toMatchObject({
      skipped: false,
      businessUnits: { created: 0, existing: 4 },
      staff: { created: 0, existing: people },
      customers: { created: 0, existing: DEMO_CUSTOMER_COUNT },
      confirmations: { created: 0, existing: 6 },
      jointEventId,
      outreachBatchId: batchId,
    });
    // Markers written after the second run: once each read model shows its marker, it also shows
    // anything the second run wrote before it, so equal counts mean nothing was duplicated.
    const t = e2e!;
    await t.expectStatus('marker BU', customers, 201, 'POST', '/staff/business-units', 'gm', {
      buId: 'bu-marker',
      name: '标记',
    });
    await t.expectStatus('marker customer', customers, 201, 'POST', '/customers', 'staff', {
      name: '标记',
      mobile: '13000000000',
      source: 'walk_in',
    });
    const after = await eventually(async () => {
      const now = await counts(jointEventId, batchId);
      return now.businessUnits.includes('bu-marker') && now.customers === DEMO_CUSTOMER_COUNT + 1
        ? now
        : undefined;
    }, 'the markers in the read models');
    expect({ ...after, businessUnits: after.businessUnits.filter((b) => b !== 'bu-marker') }).toEqual({
      ...expected,
      customers: DEMO_CUSTOMER_COUNT + 1,
    });

    const skipped = await seed(true);
    expect(skipped).toMatchObject({ skipped: true, customers: { created: 0, existing: 0 } });
  });
});
