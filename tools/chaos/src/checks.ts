import type { Pool } from 'pg';
import { idempotentCommandId } from '@crm/nest';
import type { CommandKind, CommandRecord } from './http-command';

/** One store, read model or replica: how many effects the answered commands should have left there. */
export interface StoreTally {
  readonly store: string;
  readonly expected: number;
  readonly found: number;
  readonly missing: number;
  /** A second effect of one command, or an effect no answered (or unanswered) command explains. */
  readonly duplicates: number;
}

export interface CheckResult {
  readonly tallies: readonly StoreTally[];
  readonly problems: readonly string[];
}

interface EventRow {
  readonly cid: string | null;
  readonly type: string;
  readonly stream_id: string;
  readonly data: Record<string, unknown>;
}

const commandIdOf = (c: CommandRecord): string => idempotentCommandId(c.actorId, 'POST', c.path, c.key);

const countBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

const tally = (
  store: string,
  expected: readonly string[],
  found: ReadonlyMap<string, number>,
  mayExist: ReadonlySet<string>,
  problems: string[],
): StoreTally => {
  let present = 0;
  let missing = 0;
  let duplicates = 0;
  const wanted = new Set(expected);
  for (const key of expected) {
    const n = found.get(key) ?? 0;
    if (n === 0) missing += 1;
    else present += 1;
    if (n > 1) {
      duplicates += n - 1;
      problems.push(`${store}: ${key} ${n} times`);
    }
  }
  for (const [key, n] of found) {
    if (wanted.has(key) || (mayExist.has(key) && n === 1)) continue;
    duplicates += n;
    problems.push(`${store}: ${key} (${n}) explained by no command`);
  }
  const sample = expected.filter((k) => (found.get(k) ?? 0) === 0).slice(0, 3);
  if (sample.length > 0) problems.push(`${store}: missing ${missing}, e.g. ${sample.join(', ')}`);
  return { store, expected: expected.length, found: present, missing, duplicates };
};

const events = async (pool: Pool, schema: string, types: readonly string[]): Promise<EventRow[]> =>
  (
    await pool.query<EventRow>(
      `select metadata->>'commandId' as cid, type, stream_id, data from "${schema}".events where type = any($1)`,
      [types],
    )
  ).rows;

const ids = async (pool: Pool, sql: string): Promise<Map<string, number>> =>
  countBy((await pool.query<{ id: string }>(sql)).rows, (r) => r.id);

const answered = (commands: readonly CommandRecord[], kind: CommandKind, ok: boolean): CommandRecord[] =>
  commands.filter(
    (c) =>
      c.kind === kind &&
      c.answer !== undefined &&
      c.answer.status < 300 === ok &&
      c.answer.status >= 200 === ok,
  );

const field = (c: CommandRecord, name: string): string => String(c.answer?.body[name] ?? '');
const invitationIdOf = (c: CommandRecord): string => {
  const events = c.answer?.body['events'] as { type: string; data: { invitationId?: string } }[] | undefined;
  return events?.find((e) => e.type === 'InvitationConfirmed')?.data.invitationId ?? '';
};

/**
 * Every answered command against its effects in every store: exactly one event with the command id
 * the Idempotency-Key derives, the entity it answered with in each read model and replica, the
 * downstream reaction once; refusals left nothing; no dead letter. Unanswered commands (the client
 * gave up) may have left one effect, never two.
 */
export const checkEffects = async (pool: Pool, commands: readonly CommandRecord[]): Promise<CheckResult> => {
  const problems: string[] = [];
  const unanswered = commands.filter((c) => c.answer === undefined);
  const unansweredIds = new Set(unanswered.map(commandIdOf));
  const [customerEvents, caseEvents, invitationEvents] = await Promise.all([
    events(pool, 'customers', ['CustomerRegistered', 'CustomerServiceRecorded']),
    events(pool, 'complaints', ['CaseRegistered']),
    events(pool, 'invitations', ['InvitationConfirmed', 'JointEventScheduled']),
  ]);
  const all = [...customerEvents, ...caseEvents, ...invitationEvents];
  const refused = commands.filter((c) => c.answer !== undefined && c.answer.status >= 400);
  const refusedIds = new Set(refused.map(commandIdOf));
  const refusedWithEffect = all.filter((e) => e.cid !== null && refusedIds.has(e.cid));
  for (const e of refusedWithEffect.slice(0, 3)) problems.push(`refused command ${e.cid} left ${e.type}`);
  const byCommand = (rows: readonly EventRow[], type: string) =>
    countBy(
      rows.filter((e) => e.type === type),
      (e) => e.cid ?? '(none)',
    );
  const streamsOfUnanswered = (rows: readonly EventRow[], prefix: string) =>
    new Set(
      rows
        .filter((e) => e.cid !== null && unansweredIds.has(e.cid))
        .map((e) => e.stream_id.slice(prefix.length)),
    );

  const registered = answered(commands, 'register', true);
  const customerIds = registered.map((c) => field(c, 'customerId'));
  const lateCustomers = streamsOfUnanswered(
    customerEvents.filter((e) => e.type === 'CustomerRegistered'),
    'customer-',
  );
  for (const c of registered) {
    const own = customerEvents.find((e) => e.cid === commandIdOf(c) && e.type === 'CustomerRegistered');
    if (own !== undefined && own.stream_id !== `customer-${field(c, 'customerId')}`)
      problems.push(`register #${c.seq} answered ${field(c, 'customerId')} but stored ${own.stream_id}`);
  }
  const cases = answered(commands, 'case', true);
  const lateCases = streamsOfUnanswered(caseEvents, 'case-');
  const confirmed = answered(commands, 'confirm', true);
  const invitationIds = confirmed.map(invitationIdOf);
  const lateInvitations = new Set(
    invitationEvents
      .filter((e) => e.cid !== null && unansweredIds.has(e.cid) && e.type === 'InvitationConfirmed')
      .map((e) => String(e.data['invitationId'])),
  );
  const pairOf = (c: CommandRecord) => {
    const jointEvent = c.path.split('/')[2] ?? '';
    return `${jointEvent}/${String((c.body as { customerId: string }).customerId)}`;
  };
  const latePairs = new Set(
    invitationEvents
      .filter((e) => e.cid !== null && unansweredIds.has(e.cid) && e.type === 'InvitationConfirmed')
      .map((e) => `${String(e.data['jointEventId'])}/${String(e.data['customerId'])}`),
  );
  const scheduled = answered(commands, 'schedule', true);

  const [customerList, complaintsDir, creditDir, invitationsDir, caseRows, confirmations, deadLetters] =
    await Promise.all([
      ids(pool, 'select customer_id as id from customers_read.customer_list'),
      ids(pool, 'select customer_id as id from complaints_read.customer_directory'),
      ids(pool, 'select customer_id as id from credit_read.customer_directory'),
      ids(pool, 'select customer_id as id from invitations_read.customer_directory'),
      pool.query<{ id: string; number: string }>(
        'select case_id as id, case_number as number from complaints_read.case_overview',
      ),
      ids(
        pool,
        `select joint_event_id || '/' || customer_id as id from invitations_read.event_confirmations`,
      ),
      pool.query<{ schema: string; n: number; error: string | null }>(
        `select 'customers' as schema, count(*)::int as n, min(error) as error from customers.dead_letters
         union all select 'complaints', count(*)::int, min(error) from complaints.dead_letters
         union all select 'credit', count(*)::int, min(error) from credit.dead_letters
         union all select 'invitations', count(*)::int, min(error) from invitations.dead_letters`,
      ),
    ]);
  const numbers = countBy(caseRows.rows, (r) => r.number);
  for (const [number, n] of numbers) if (n > 1) problems.push(`case number ${number} given ${n} times`);
  const caseNumber = new Map(caseRows.rows.map((r) => [r.id, r.number]));
  for (const c of cases)
    if (caseNumber.has(field(c, 'caseId')) && caseNumber.get(field(c, 'caseId')) !== field(c, 'number'))
      problems.push(
        `case ${field(c, 'caseId')} answered ${field(c, 'number')}, read model ${caseNumber.get(field(c, 'caseId'))}`,
      );
  for (const d of deadLetters.rows)
    if (d.n > 0) problems.push(`${d.n} dead letter(s) in ${d.schema}: ${d.error ?? ''}`);
  const reactions = countBy(
    customerEvents.filter(
      (e) => e.type === 'CustomerServiceRecorded' && e.data['kind'] === 'invitation_confirmed',
    ),
    (e) => String(e.data['reference']),
  );

  const tallies: StoreTally[] = [
    tally(
      'customers events: CustomerRegistered',
      registered.map(commandIdOf),
      byCommand(customerEvents, 'CustomerRegistered'),
      unansweredIds,
      problems,
    ),
    tally('customers read model: customer_list', customerIds, customerList, lateCustomers, problems),
    tally('complaints replica: customer_directory', customerIds, complaintsDir, lateCustomers, problems),
    tally('credit replica: customer_directory', customerIds, creditDir, lateCustomers, problems),
    tally('invitations replica: customer_directory', customerIds, invitationsDir, lateCustomers, problems),
    tally(
      'complaints events: CaseRegistered',
      cases.map(commandIdOf),
      byCommand(caseEvents, 'CaseRegistered'),
      unansweredIds,
      problems,
    ),
    tally(
      'complaints read model: case_overview',
      cases.map((c) => field(c, 'caseId')),
      countBy(caseRows.rows, (r) => r.id),
      lateCases,
      problems,
    ),
    tally(
      'invitations events: JointEventScheduled',
      scheduled.map(commandIdOf),
      byCommand(invitationEvents, 'JointEventScheduled'),
      unansweredIds,
      problems,
    ),
    tally(
      'invitations events: InvitationConfirmed',
      confirmed.map(commandIdOf),
      byCommand(invitationEvents, 'InvitationConfirmed'),
      unansweredIds,
      problems,
    ),
    tally(
      'invitations read model: event_confirmations',
      confirmed.map(pairOf),
      confirmations,
      latePairs,
      problems,
    ),
    tally(
      'customers events: service recorded (via Kafka)',
      invitationIds,
      reactions,
      lateInvitations,
      problems,
    ),
  ];
  tallies.push({
    store: 'refused commands (4xx): effects',
    expected: 0,
    found: refusedWithEffect.length,
    missing: 0,
    duplicates: refusedWithEffect.length,
  });
  const parked = deadLetters.rows.reduce((n, d) => n + d.n, 0);
  tallies.push({
    store: 'dead letters (all services)',
    expected: 0,
    found: parked,
    missing: parked,
    duplicates: 0,
  });
  return { tallies, problems };
};

export const stillMissing = (result: CheckResult): number =>
  result.tallies.reduce((n, t) => n + t.missing, 0);
