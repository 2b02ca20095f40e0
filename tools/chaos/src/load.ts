import { randomUUID } from 'node:crypto';
import { mintToken } from '@crm/nest';
import { sendUntilAnswered, type CommandKind, type CommandRecord } from './http-command';
import type { Profile, ServiceName } from './profiles';

interface Person {
  readonly id: string;
  readonly token: string;
}

export interface People {
  readonly staff: Person;
  readonly agent: Person;
  readonly coordinator: Person;
}

export const people = async (secret: string): Promise<People> => {
  const person = async (id: string, roles: string[], bu?: string): Promise<Person> => ({
    id,
    token: await mintToken({ sub: id, roles, ...(bu !== undefined ? { bu } : {}) }, secret, '2h'),
  });
  return {
    staff: await person('e-101', ['staff'], 'bu-1'),
    agent: await person('agent-1', ['cs_agent'], 'hq'),
    coordinator: await person('co-1', ['coordinator']),
  };
};

const SERVICES_WITH_PEOPLE: readonly ServiceName[] = ['customers', 'complaints', 'credit', 'invitations'];

/**
 * Puts the load's people in the staff directory (services refuse anyone else, defect 7): a GM opens
 * the units and joins everyone while the directory is still empty (the bootstrap), then the load
 * waits until every service's replica knows them.
 */
export const seedDirectory = async (
  baseUrl: (service: ServiceName) => string,
  secret: string,
  who: People,
  deadline: number,
): Promise<void> => {
  const gm = await mintToken({ sub: 'chaos-gm', roles: ['gm'] }, secret, '2h');
  const call = async (path: string, token: string, body?: object): Promise<number> => {
    const res = await fetch(`${baseUrl('customers')}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return res.status;
  };
  for (const [buId, headOffice] of [
    ['hq', true],
    ['bu-1', false],
    ['bu-2', false],
  ] as const) {
    const status = await call('/staff/business-units', gm, {
      buId,
      name: buId,
      ...(headOffice ? { headOffice } : {}),
    });
    if (status !== 201 && status !== 409) throw new Error(`open ${buId}: ${status}`);
  }
  const members = [
    { employeeId: 'chaos-gm', bu: 'hq', posts: ['gm'] },
    { employeeId: who.staff.id, bu: 'bu-1', posts: ['staff'] },
    { employeeId: who.agent.id, bu: 'hq', posts: ['cs_agent'] },
    { employeeId: who.coordinator.id, bu: 'hq', posts: ['coordinator'] },
  ];
  for (const m of members) {
    const status = await call('/staff', gm, { ...m, displayName: m.employeeId });
    if (status !== 201 && status !== 409) throw new Error(`join ${m.employeeId}: ${status}`);
  }
  for (const service of SERVICES_WITH_PEOPLE) {
    for (const person of [who.staff, who.agent, who.coordinator]) {
      for (;;) {
        const res = await fetch(`${baseUrl(service)}/work-items`, {
          headers: { authorization: `Bearer ${person.token}` },
        }).catch(() => undefined);
        if (res !== undefined && res.status !== 403 && res.status < 500) break;
        if (Date.now() > deadline) throw new Error(`${service} does not know ${person.id} yet`);
        await sleep(500);
      }
    }
  }
};

const SHANGHAI_MS = 8 * 3600_000;
/** How long after its registration a customer is first used by complaints or invitations commands. */
const REPLICA_LAG_MS = 3_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Closed-loop callers mixing cross-service commands: customer registrations (which reach the
 * complaints, credit and invitations directory replicas), complaint registrations on registered
 * customers (the complaints service reads the customer's owner from its replica), and invitation
 * confirmations (the invitations service checks its replica; customers records the service through
 * Kafka). Every command and its first answer is kept for the checks.
 */
export class ChaosLoad {
  readonly commands: CommandRecord[] = [];
  /**
   * Registered customers, with the time they were answered (or last refused as unknown): complaints
   * and invitations know a customer only once their replica has it.
   */
  private readonly toComplainAbout: { readonly customerId: string; readonly at: number }[] = [];
  /** Registered customers not yet invited. */
  private readonly toInvite: { readonly customerId: string; readonly at: number }[] = [];
  private jointEventId = '';
  private seq = 0;

  constructor(
    private readonly baseUrl: (service: ServiceName) => string,
    private readonly who: People,
    private readonly profile: Profile,
  ) {}

  private command(
    kind: CommandKind,
    service: ServiceName,
    by: Person,
    path: string,
    body: object,
  ): CommandRecord {
    const record: CommandRecord = {
      seq: ++this.seq,
      kind,
      service,
      actorId: by.id,
      token: by.token,
      path,
      body,
      key: `chaos-${kind}-${this.seq}-${randomUUID()}`,
      attempts: 0,
      transient: [],
    };
    this.commands.push(record);
    return record;
  }

  async scheduleJointEvent(deadline: number): Promise<void> {
    const day = new Date(Date.now() + SHANGHAI_MS + 5 * 86_400_000).toISOString().slice(0, 10);
    const command = this.command('schedule', 'invitations', this.who.coordinator, '/joint-events', {
      date: day,
      slot: 'evening',
      venue: '混沌会场',
      businessUnits: ['bu-1', 'bu-2'],
      coordinatorId: this.who.coordinator.id,
    });
    const answer = await sendUntilAnswered(this.baseUrl, command, () => deadline);
    if (answer?.status !== 201) throw new Error(`schedule joint event: ${JSON.stringify(answer)}`);
    this.jointEventId = String(answer.body['jointEventId']);
  }

  /**
   * Runs until `until` resolves; a command sent by then retries until `answerDeadlineS` after that
   * (infinitely while the load still runs).
   */
  async run(until: Promise<unknown>): Promise<void> {
    let stopped = false;
    let deadline = Number.POSITIVE_INFINITY;
    void until.then(() => {
      stopped = true;
      deadline = Date.now() + this.profile.answerDeadlineS * 1000;
    });
    const currentDeadline = () => deadline;
    await Promise.all(
      Array.from({ length: this.profile.workers }, async () => {
        while (!stopped) {
          await this.next(currentDeadline);
          await sleep(this.profile.thinkMs);
        }
      }),
    );
  }

  private async next(deadline: () => number): Promise<void> {
    const roll = Math.random();
    const settled = (c: { readonly at: number }) => Date.now() - c.at > REPLICA_LAG_MS;
    const invitable = this.toInvite.findIndex(settled);
    const complainable = this.toComplainAbout.findIndex(settled);
    if (roll < 0.25 && invitable >= 0) {
      const customerId = this.toInvite.splice(invitable, 1)[0]?.customerId ?? '';
      const answer = await sendUntilAnswered(
        this.baseUrl,
        this.command(
          'confirm',
          'invitations',
          this.who.staff,
          `/joint-events/${this.jointEventId}/invitations`,
          {
            customerId,
          },
        ),
        deadline,
      );
      // Not yet in the invitations replica: a refusal, so a later command (new key) tries again.
      if (answer?.body['code'] === 'invitation.customer_unknown')
        this.toInvite.push({ customerId, at: Date.now() });
      return;
    }
    if (roll < 0.5 && complainable >= 0) {
      const customerId = this.toComplainAbout.splice(complainable, 1)[0]?.customerId ?? '';
      const answer = await sendUntilAnswered(
        this.baseUrl,
        this.command('case', 'complaints', this.who.agent, '/cases', {
          kind: 'complaint',
          channel: 'hotline',
          customerId,
          subject: '混沌测试',
          description: 'chaos suite complaint',
        }),
        deadline,
      );
      // Unknown to the complaints replica yet (a refusal): tried again later with a new key; a
      // registered case leaves the customer available for another one.
      if (answer !== undefined) this.toComplainAbout.push({ customerId, at: Date.now() });
      return;
    }
    const n = this.seq + 1;
    const answer = await sendUntilAnswered(
      this.baseUrl,
      this.command('register', 'customers', this.who.staff, '/customers', {
        name: `混沌客户${n}`,
        mobile: `139${String(n).padStart(8, '0')}`,
        source: 'walk_in',
      }),
      deadline,
    );
    if (answer?.status === 201) {
      const customerId = String(answer.body['customerId']);
      this.toComplainAbout.push({ customerId, at: Date.now() });
      this.toInvite.push({ customerId, at: Date.now() });
    }
  }
}
