import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { type CommandContext, DomainError } from '@crm/event-sourcing';
import { type EventStore, runUnitOfWork, toNewEvents, type UnitContext } from '@crm/event-store';
import {
  caseStreamId,
  decideCase,
  formatCaseNumber,
  initialCase,
  numberingMonth,
  type RegisterCase,
  type ComputedDeadline,
} from '@crm/complaints-domain';
import type { CustomerDirectoryReader } from '@crm/customers-directory-replica';
import type { DurableTimers, PolicyRegistry } from '@crm/policy';
import { type CaseRegistryTables, subjectKey } from './case-registry-tables';
import type { DeadlineCalculator } from './deadline-calculator';
import { rulesInForce, type RulesInForce } from './rules-in-force';
import { scheduleClusterRaise, scheduleDeadlineTimers } from './deadline-timers';

const DAY = 86_400_000;

/**
 * The deadline counts from when the customer raised the case. A receivedAt the decider will refuse
 * (future, beyond the window) still yields an instant here; the decision refuses it with a 422.
 */
const receivedFrom = (input: { receivedAt?: string }, ctx: CommandContext): Date => {
  const at = input.receivedAt !== undefined ? Date.parse(input.receivedAt) : Number.NaN;
  return Number.isNaN(at) ? ctx.now : new Date(Math.min(at, ctx.now.getTime()));
};

export type RegisterCaseInput = Omit<
  RegisterCase['data'],
  'caseId' | 'number' | 'similar' | 'deadline' | 'concernedEmployeeId' | 'concernedBu'
> & {
  readonly caseId?: string;
  readonly concernedEmployeeId?: string;
  readonly concernedBu?: string;
};

interface Prepared {
  readonly caseId: string;
  readonly policy: RulesInForce;
  readonly concerned: { concernedEmployeeId: string; concernedBu: string };
  readonly deadline: ComputedDeadline | undefined;
}

export interface RegisteredCase {
  readonly caseId: string;
  readonly number: string;
}

/**
 * Registration in one transaction: the month's serial (row-locked counter), the subject index
 * for severity, the case's events and its deadline timers commit or vanish together.
 */
export class RegisterCaseHandler {
  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly tables: CaseRegistryTables,
    private readonly registry: PolicyRegistry,
    private readonly deadlines: DeadlineCalculator,
    private readonly timers: DurableTimers,
    private readonly directory: CustomerDirectoryReader,
  ) {}

  async handle(input: RegisterCaseInput, ctx: CommandContext): Promise<RegisteredCase> {
    const prepared = await this.prepare(input, ctx);
    return runUnitOfWork(this.store, this.pool, (unit) => this.registerIn(unit, input, prepared, ctx));
  }

  /**
   * The transactional part, for callers that register a case inside their own unit of work (a
   * rejection that opens a linked case commits both or neither).
   */
  async registerWithin(
    unit: UnitContext,
    input: RegisterCaseInput,
    ctx: CommandContext,
  ): Promise<RegisteredCase> {
    return this.registerIn(unit, input, await this.prepare(input, ctx), ctx);
  }

  /** Reads done before the transaction: policy in force, who is concerned, the deadline. */
  private async prepare(input: RegisterCaseInput, ctx: CommandContext): Promise<Prepared> {
    const policy = await rulesInForce(this.registry, ctx.now);
    const concerned = await this.concerned(input);
    const deadline =
      input.kind === 'suggestion' && input.promisedBy === undefined
        ? undefined
        : await this.deadlines.initial(input.kind, receivedFrom(input, ctx), policy.params, input.promisedBy);
    return { caseId: input.caseId ?? randomUUID(), policy, concerned, deadline };
  }

  private async registerIn(
    { append, db }: UnitContext,
    input: RegisterCaseInput,
    prepared: Prepared,
    ctx: CommandContext,
  ): Promise<RegisteredCase> {
    const { caseId, policy, concerned, deadline } = prepared;
    const key = subjectKey(input.subject);
    const { severity } = policy.params;
    const month = numberingMonth(ctx.now);
    const number = formatCaseNumber(
      month,
      await this.tables.nextSerial(db, month),
      policy.params.numberSerialDigits,
    );
    const similar = await this.tables.similar(db, {
      subjectKey: key,
      customerId: input.customerId,
      clusterSince: new Date(ctx.now.getTime() - severity.clusterWindowDays * DAY),
      repeatSince: new Date(ctx.now.getTime() - severity.repeatWindowDays * DAY),
    });
    const command: RegisterCase = {
      type: 'RegisterCase',
      data: {
        ...input,
        ...concerned,
        caseId,
        number,
        similar: {
          distinctCustomersOnSubject: similar.otherCustomers + 1,
          clusterCaseIds: similar.clusterCaseIds,
          ...(similar.repeatOfCaseId !== undefined ? { repeatOfCaseId: similar.repeatOfCaseId } : {}),
        },
        ...(deadline !== undefined ? { deadline } : {}),
      },
    };
    const decisionCtx = { ...ctx, policy: policy.params, policyVersion: policy.version };
    const events = decideCase(command, initialCase(), decisionCtx);
    await this.tables.remember(db, {
      caseId,
      subjectKey: key,
      customerId: input.customerId,
      registeredAt: ctx.now,
    });
    await append(
      caseStreamId(caseId),
      toNewEvents(caseStreamId(caseId), events, decisionCtx, false),
      'no_stream',
    );
    for (const e of events) {
      if (e.type === 'CaseDeadlineSet') await scheduleDeadlineTimers(this.timers, e.data, db);
      if (
        e.type === 'SeverityAssessed' &&
        e.data.source === 'auto_cluster' &&
        similar.clusterCaseIds.length > 0
      ) {
        const payload = {
          triggeredBy: caseId,
          distinctCustomers: similar.otherCustomers + 1,
          caseIds: [...similar.clusterCaseIds, caseId],
        };
        await scheduleClusterRaise(this.timers, payload, db, ctx.now);
      }
    }
    return { caseId, number };
  }

  /** Who the case is about: given, or the customer's owner in the customers directory replica. */
  private async concerned(
    input: RegisterCaseInput,
  ): Promise<{ concernedEmployeeId: string; concernedBu: string }> {
    if (input.concernedEmployeeId !== undefined && input.concernedBu !== undefined) {
      return { concernedEmployeeId: input.concernedEmployeeId, concernedBu: input.concernedBu };
    }
    const owner = await this.directory.get(input.customerId);
    if (!owner) {
      throw new DomainError(
        'invalid',
        'case.concerned_unknown',
        'the customer is not in the directory: name the employee and BU concerned',
        undefined,
        { field: 'concernedEmployeeId', customerId: input.customerId },
      );
    }
    return {
      concernedEmployeeId: input.concernedEmployeeId ?? owner.ownerEmployeeId,
      concernedBu: input.concernedBu ?? owner.ownerBu,
    };
  }
}
