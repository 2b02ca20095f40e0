import { randomUUID } from 'node:crypto';
import type { CommandContext } from '@crm/event-sourcing';
import type { Pool } from 'pg';
import { type Decided, type EventStore, handleCommand, loadStream, type UnitContext } from '@crm/event-store';
import {
  type Case,
  caseDecider,
  type CaseCommand,
  type CaseEvent,
  caseStreamId,
  evolveCase,
  initialCase,
  type OpenCase,
  type RegisterCase,
} from '@crm/complaints-domain';
import type { DurableTimers, PolicyRegistry } from '@crm/policy';
import type { DeadlineCalculator } from './deadline-calculator';
import { rulesInForce } from './rules-in-force';
import { scheduleDeadlineTimers, scheduleReminder } from './deadline-timers';
import type { RegisterCaseHandler } from './register-case.handler';

export type CaseAction = Exclude<
  CaseCommand,
  | RegisterCase
  | { type: 'ExtendDeadline' }
  | { type: 'RecordRejection' }
  | { type: 'CloseCase' }
  | { type: 'RecomputeDeadline' }
>;

export interface CaseOutcome {
  readonly caseId: string;
  readonly status: Case['status'];
  readonly events: readonly string[];
  readonly linkedCaseId?: string;
  readonly linkedCaseNumber?: string;
}

/**
 * Every command on an existing case: load, decide under the policy in force, append with the
 * loaded version (a concurrent change re-decides), then the follow-up work the events ask for
 * (timers for a new deadline, the linked case of a rejection).
 */
export class CaseCommandHandler {
  constructor(
    private readonly store: EventStore,
    private readonly pool: Pool,
    private readonly registry: PolicyRegistry,
    private readonly deadlines: DeadlineCalculator,
    private readonly timers: DurableTimers,
    private readonly register: RegisterCaseHandler,
  ) {}

  /** Load, decide under the policy in force, append; a concurrent append makes it decide again. */
  private async run<R = void>(
    caseId: string,
    command: CaseCommand,
    ctx: CommandContext,
    deterministicIds: boolean,
    effects?: (decided: Decided<Case, CaseEvent>, unit: UnitContext) => Promise<R>,
  ) {
    const policy = await rulesInForce(this.registry, ctx.now);
    const decisionCtx = { ...ctx, policy: policy.params, policyVersion: policy.version };
    const result = await handleCommand(this.store, caseStreamId(caseId), caseDecider, command, decisionCtx, {
      deterministicIds,
      pool: this.pool,
      ...(effects !== undefined ? { effects } : {}),
    });
    return { policy, result };
  }

  private async execute(caseId: string, command: CaseCommand, ctx: CommandContext): Promise<CaseOutcome> {
    const { result } = await this.run(caseId, command, ctx, false);
    return { caseId, status: result.state.status, events: result.events.map((e) => e.type) };
  }

  /**
   * A command from a timer: its commandId derives from the timer id, so a second firing appends
   * nothing. A reminder decided now (or on an earlier firing) schedules the next one, idempotently.
   */
  async fire(caseId: string, command: CaseCommand, ctx: CommandContext): Promise<void> {
    const { policy, result } = await this.run(caseId, command, ctx, true, (decided, unit) =>
      this.scheduleMoved(decided.events, unit),
    );
    for (const e of result.events) {
      if (e.type !== 'OverdueReminderIssued') continue;
      // Derived from the deadline, not from now: a late second firing schedules the very same timer.
      const calendar = await this.deadlines.calendarAt(ctx.now);
      const every = policy.params.deadlines.reminderEveryWorkingHours;
      const at = calendar.addWorkingHours(new Date(e.data.dueAt), every * e.data.sequence).at;
      await scheduleReminder(this.timers, { caseId, dueAt: e.data.dueAt, sequence: e.data.sequence + 1, at });
    }
  }

  /**
   * The due timer: the deadline is re-checked on the calendar in force now, so a deadline that an
   * adopted calendar moved later is recomputed (with new timers) instead of fined (domain §4.6).
   */
  async markOverdue(caseId: string, deadlineDueAt: string, ctx: CommandContext): Promise<void> {
    const current = await this.load(caseId);
    const recheck =
      current.status === 'none'
        ? undefined
        : await this.deadlines.recomputed(
            current.deadline,
            ctx.now,
            (await rulesInForce(this.registry, ctx.now)).params,
          );
    await this.fire(
      caseId,
      { type: 'MarkOverdue', data: { deadlineDueAt, ...(recheck !== undefined ? { recheck } : {}) } },
      ctx,
    );
  }

  /** A newly adopted calendar: the open case's deadline computed again, its timers moved with it. */
  async recomputeDeadline(caseId: string, ctx: CommandContext): Promise<CaseOutcome> {
    const current = await this.load(caseId);
    const policy = await rulesInForce(this.registry, ctx.now);
    const deadline =
      current.status === 'none'
        ? undefined
        : await this.deadlines.recomputed(current.deadline, ctx.now, policy.params);
    if (deadline === undefined) return { caseId, status: current.status, events: [] };
    return this.atomically(caseId, { type: 'RecomputeDeadline', data: { deadline } }, ctx, (events, unit) =>
      this.scheduleMoved(events, unit).then(() => ({})),
    );
  }

  private async scheduleMoved(events: readonly CaseEvent[], unit: UnitContext): Promise<void> {
    for (const e of events) {
      if (e.type === 'CaseDeadlineRecomputed') await scheduleDeadlineTimers(this.timers, e.data, unit.db);
    }
  }

  async act(caseId: string, command: CaseAction, ctx: CommandContext): Promise<CaseOutcome> {
    return this.execute(caseId, command, ctx);
  }

  /** The one extension: 7 working days from receipt; the new deadline's timers commit with it. */
  async extendDeadline(caseId: string, ctx: CommandContext): Promise<CaseOutcome> {
    const current = await this.load(caseId);
    const policy = await rulesInForce(this.registry, ctx.now);
    const receivedAt =
      current.status === 'none' ? ctx.now : new Date(current.receivedAt ?? current.registeredAt);
    const deadline = await this.deadlines.extended(receivedAt, ctx.now, policy.params);
    return this.atomically(
      caseId,
      { type: 'ExtendDeadline', data: { deadline } },
      ctx,
      async (events, unit) => {
        for (const e of events) {
          if (e.type === 'CaseDeadlineSet') await scheduleDeadlineTimers(this.timers, e.data, unit.db);
        }
        return {};
      },
    );
  }

  /** Closing records the working time from registration to resolution (statistics, domain §4.9). */
  async close(caseId: string, ctx: CommandContext): Promise<CaseOutcome> {
    const current = await this.load(caseId);
    let workingMinutesToResolve: number | undefined;
    if (current.status !== 'none' && current.resolvedAt !== undefined) {
      const calendar = await this.deadlines.calendarAt(ctx.now);
      workingMinutesToResolve = calendar.workingTimeBetween(
        new Date(current.receivedAt ?? current.registeredAt),
        new Date(current.resolvedAt),
      ).workingMinutes;
    }
    const data = workingMinutesToResolve !== undefined ? { workingMinutesToResolve } : {};
    return this.execute(caseId, { type: 'CloseCase', data }, ctx);
  }

  /** A rejection past the ladder opens a linked case in the same transaction (CMP-FUP-10). */
  async reject(caseId: string, reason: string, ctx: CommandContext): Promise<CaseOutcome> {
    const linkedCaseId = randomUUID();
    const command: CaseCommand = { type: 'RecordRejection', data: { reason, linkedCaseId } };
    return this.atomically(caseId, command, ctx, async (events, unit, original) => {
      const rejected = events.find((e) => e.type === 'CustomerRejected');
      if (rejected?.data.outcome !== 'linked_case' || original.status === 'none') return {};
      const linked = await this.register.registerWithin(
        unit,
        linkedInput(original, linkedCaseId, reason),
        ctx,
      );
      return { linkedCaseId: linked.caseId, linkedCaseNumber: linked.number };
    });
  }

  /**
   * Decide and append together with `also` (timers, a linked case) in the append's transaction,
   * re-deciding after a concurrent append: the platform's command path with effects.
   */
  private async atomically(
    caseId: string,
    command: CaseCommand,
    ctx: CommandContext,
    also: (events: readonly CaseEvent[], unit: UnitContext, before: Case) => Promise<Partial<CaseOutcome>>,
  ): Promise<CaseOutcome> {
    const { result } = await this.run(caseId, command, ctx, false, ({ events, before }, unit) =>
      also(events, unit, before),
    );
    return {
      caseId,
      status: result.state.status,
      events: result.events.map((e) => e.type),
      ...result.effects,
    };
  }

  async load(caseId: string, until?: Date): Promise<Case> {
    const loaded = await loadStream<Case, CaseEvent>(
      this.store,
      caseStreamId(caseId),
      evolveCase,
      initialCase(),
      until !== undefined ? { until } : {},
    );
    return loaded.state;
  }
}

const linkedInput = (original: OpenCase, caseId: string, reason: string) => ({
  caseId,
  kind: original.kind,
  channel: original.channel,
  customerId: original.customerId,
  subject: original.subject,
  description: `${original.description}\n[rejected reply of ${original.number}: ${reason}]`,
  concernedEmployeeId: original.concernedEmployeeId,
  concernedBu: original.concernedBu,
  linkedFrom: original.caseId,
});
