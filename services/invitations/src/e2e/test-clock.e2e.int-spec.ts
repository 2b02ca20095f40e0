import { mintToken, type WorkItemDto } from '@crm/nest';
import { customerDirectoryConsumerName } from '@crm/customers-directory-replica';
import { dlqTopicFor, ensureTopics } from '@crm/messaging';
import { eventually, startE2eEnvironment, type E2eEnvironment, type ServiceProcess } from '@crm/testing';

jest.setTimeout(180_000);

const JWT_SECRET = 'e2e-jwt-secret-0123456789abcdef';

/** A day `days` after today in Asia/Shanghai (the services' business calendar), as YYYY-MM-DD. */
const shanghaiDayIn = (days: number): string =>
  new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

/**
 * What the console's browser tests do: the invitations service runs in its own process (main.ts,
 * NODE_ENV=test, the real clock), and a manager's list becomes late because the test moves that
 * process's clock past the cut-off over HTTP, not because anyone waits until 18:00.
 */
describe('test clock across processes: a list turns late at the moved cut-off (e2e)', () => {
  let e2e: E2eEnvironment;
  let invitations: ServiceProcess | undefined;

  const items = async (who: string): Promise<WorkItemDto[]> =>
    (await e2e.expectStatus('inbox', invitations, 200, 'GET', '/work-items', who))['items'] as WorkItemDto[];

  beforeAll(async () => {
    const claims = {
      coordinator: { sub: 'co-1', roles: ['coordinator'] },
      manager1: { sub: 'm-1', bu: 'bu-1', roles: ['bu_manager'] },
      auditor: { sub: 'au-1', roles: ['auditor'] },
      admin: { sub: 'ad-1', roles: ['admin'] },
    };
    const tokens: Record<string, string> = {};
    for (const [who, c] of Object.entries(claims)) tokens[who] = await mintToken(c, JWT_SECRET);
    e2e = await startE2eEnvironment({
      jwtSecret: JWT_SECRET,
      tokens,
      consumerGroupsOf: (_, schema) => [
        customerDirectoryConsumerName({ SCHEMA: schema }),
        `${schema}.credit-blocks`,
      ],
      messaging: { ensureTopics, dlqTopicFor },
    });
    invitations = await e2e.start('invitations');
  });

  afterAll(async () => {
    await e2e?.close([invitations]);
  });

  it("moves the service's clock past the first cut-off: the missing list is recorded and the item turns late", async () => {
    const scheduled = await e2e.expectStatus(
      'schedule',
      invitations,
      201,
      'POST',
      '/joint-events',
      'coordinator',
      {
        date: shanghaiDayIn(3),
        slot: 'evening',
        venue: 'Hall Clock',
        businessUnits: ['bu-1', 'bu-2'],
        coordinatorId: 'co-1',
      },
    );
    const eventId = String(scheduled['jointEventId']);
    const [first] = await eventually(async () => {
      const found = (await items('manager1')).filter((i) => i.titleParams['jointEventId'] === eventId);
      return found.length > 0 ? found : undefined;
    }, "the manager's first list in the inbox");
    expect(first).toMatchObject({ kind: 'listToFile', dueAt: expect.any(String) });
    const day = String(first?.titleParams['day']);

    const moved = await e2e.expectStatus('set the clock', invitations, 200, 'POST', '/test/clock', 'admin', {
      now: new Date(Date.parse(first?.dueAt ?? '') + 5_000).toISOString(),
    });
    expect(Number(moved['offsetMs'])).toBeGreaterThan(0);

    const late = await eventually(async () => {
      const found = (await items('manager1')).find((i) => i.id === first?.id);
      return found?.kind === 'lateListToFile' ? found : undefined;
    }, 'the list late after the moved cut-off');
    expect(late).toMatchObject({ priority: 'high', titleKey: 'workItems.invitations.lateListToFile' });
    const state = await e2e.expectStatus(
      'event',
      invitations,
      200,
      'GET',
      `/joint-events/${eventId}`,
      'auditor',
    );
    expect(state['cutoffsReached']).toContain(day);
    expect((state['filings'] as Record<string, Record<string, unknown>>)['bu-1']?.[day]).toMatchObject({
      missed: true,
      fined: true,
    });
  });
});
