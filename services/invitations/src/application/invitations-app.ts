import type { PoolClient } from 'pg';
import { deterministicUuid, type CommandContext } from '@crm/event-sourcing';
import { handleCommand, loadStream, type EventStore } from '@crm/event-store';
import type { DurableTimers, PolicyRegistry } from '@crm/policy';
import {
  addDays,
  INVITATION_POLICY_ID,
  evolveJointEvent,
  initialJointEvent,
  invitationDecider,
  invitationStreamId,
  jointEventDecider,
  jointEventStreamId,
  localInstant,
  type InvitationCommand,
  type InvitationEvent,
  type InvitationListFiled,
  type InvitationPolicyParams,
  type InvitationState,
  type JointEventCommand,
  type JointEventEvent,
  type JointEventState,
  type ScheduledJointEvent,
} from '@crm/invitations-domain';
import type { CreditBlocksTable } from '../credit/credit-blocks.table';
import type { EligibilityTable } from '../eligibility/eligibility.table';
import type { ClaimsIndex } from './claims-index';
import { withPolicy } from './policy-context';

export const CUTOFF_TIMER = 'invitations.list-cutoff';
export const RELEASE_TIMER = 'invitations.lists-release';
export const LIST_DUE_TIMER = 'invitations.list-due-reminder';
/** The BUs still owing a day's list are reminded this long before its cut-off. */
export const LIST_DUE_REMINDER_MS = 60 * 60_000;

const SYSTEM_ACTOR = { id: 'system:invitations.duplicate-check', role: 'system' } as const;

export interface Outcome<S, E> {
  readonly state: S;
  readonly events: readonly E[];
}

/**
 * The application service: loads what a decision needs (joint event, eligibility, policy), runs
 * the decider through handleCommand (re-decided after a concurrent append; the joint event's
 * timers commit in its transaction) and triggers the duplicate check after filings. No business rule lives here.
 */
export class InvitationsApp {
  constructor(
    private readonly store: EventStore,
    private readonly policies: PolicyRegistry,
    private readonly timers: DurableTimers,
    private readonly eligibility: EligibilityTable,
    private readonly claims: ClaimsIndex,
    private readonly credit: CreditBlocksTable,
  ) {}

  async loadJointEvent(jointEventId: string, until?: Date): Promise<JointEventState> {
    return (
      await loadStream(this.store, jointEventStreamId(jointEventId), evolveJointEvent, initialJointEvent(), {
        ...(until !== undefined ? { until } : {}),
      })
    ).state;
  }

  async onJointEvent(
    jointEventId: string,
    command: JointEventCommand,
    context: CommandContext,
    options: { deterministicIds?: boolean } = {},
  ): Promise<Outcome<JointEventState, JointEventEvent>> {
    const policyContext = await withPolicy(this.policies, context);
    const fromTimer =
      command.type === 'RecordFilingCutoff' ||
      command.type === 'ReleaseInvitationLists' ||
      command.type === 'RemindListsDue';
    const result = await handleCommand(
      this.store,
      jointEventStreamId(jointEventId),
      jointEventDecider,
      command,
      policyContext,
      {
        deterministicIds: options.deterministicIds ?? false,
        // The deadlines commit with the decision: an event is never stored without its timers.
        effects: async ({ state }, unit) => {
          if (!fromTimer && state.status === 'scheduled') await this.scheduleTimers(state, unit.transaction);
        },
      },
    );
    // A crash before these checks is healed by the cut-off, which checks every claim of the event.
    for (const event of result.events) {
      if (event.type === 'InvitationListFiled') await this.checkListed(event, context);
    }
    return { state: result.state, events: result.events };
  }

  async onInvitation(
    jointEventId: string,
    customerId: string,
    command: InvitationCommand,
    context: CommandContext,
    options: { deterministicIds?: boolean } = {},
  ): Promise<Outcome<InvitationState, InvitationEvent>> {
    const confirming = command.type === 'ConfirmInvitation';
    const [jointEvent, eligibility, policyContext, creditBlocks] = await Promise.all([
      this.loadJointEvent(jointEventId),
      this.eligibility.get(customerId),
      withPolicy(this.policies, context),
      confirming ? this.credit.blocksOf(customerId) : Promise.resolve([]),
    ]);
    if (confirming && jointEvent.status === 'scheduled') {
      await this.claims.add(jointEventId, customerId);
    }
    const result = await handleCommand(
      this.store,
      invitationStreamId(jointEventId, customerId),
      invitationDecider,
      command,
      {
        ...policyContext,
        jointEvent,
        ...(eligibility !== undefined ? { eligibility } : {}),
        creditBlocks,
      },
      { retries: 5, deterministicIds: options.deterministicIds ?? false },
    );
    return { state: result.state, events: result.events };
  }

  /** INV-04: the duplicate check for one customer (idempotent: its command id derives from the cause). */
  async check(
    jointEventId: string,
    customerId: string,
    cause: string,
    context: CommandContext,
  ): Promise<void> {
    const commandId = deterministicUuid('duplicate-check', cause, customerId);
    await this.onInvitation(
      jointEventId,
      customerId,
      { type: 'CheckInvitationConflict', data: {} },
      { ...context, actor: SYSTEM_ACTOR, commandId, causationId: cause },
      { deterministicIds: true },
    );
  }

  /** Runs the check for every customer with a claim on the event (at each cut-off). */
  async checkAll(jointEventId: string, cause: string, context: CommandContext): Promise<void> {
    for (const customerId of await this.claims.customers(jointEventId)) {
      await this.check(jointEventId, customerId, cause, context);
    }
  }

  private async checkListed(event: InvitationListFiled, context: CommandContext): Promise<void> {
    const cause = deterministicUuid('filing', context.commandId, event.data.bu, event.data.day);
    for (const customerId of event.data.confirmed) {
      await this.check(event.data.jointEventId, customerId, cause, context);
    }
  }

  /** One cut-off timer per window day and one release timer the next morning (idempotent by id). */
  private async scheduleTimers(event: ScheduledJointEvent, within: PoolClient | undefined): Promise<void> {
    // Release times follow the policy version the event was scheduled under, as its cut-offs do.
    const history = await this.policies.history<InvitationPolicyParams>(INVITATION_POLICY_ID);
    const params = history.find((doc) => doc.version === event.policyVersion)?.params;
    if (params === undefined)
      throw new Error(`policy ${INVITATION_POLICY_ID} ${event.policyVersion} is unknown`);
    for (const cutoff of event.cutoffs) {
      const payload = { jointEventId: event.jointEventId, day: cutoff.day };
      await this.timers.schedule(
        deterministicUuid(CUTOFF_TIMER, event.jointEventId, cutoff.day),
        new Date(cutoff.cutoffAt),
        CUTOFF_TIMER,
        payload,
        { within },
      );
      await this.timers.schedule(
        deterministicUuid(LIST_DUE_TIMER, event.jointEventId, cutoff.day),
        new Date(Date.parse(cutoff.cutoffAt) - LIST_DUE_REMINDER_MS),
        LIST_DUE_TIMER,
        payload,
        { within },
      );
      const releaseAt = localInstant(addDays(cutoff.day, 1), params.listsReleaseAt, params);
      await this.timers.schedule(
        deterministicUuid(RELEASE_TIMER, event.jointEventId, cutoff.day),
        releaseAt,
        RELEASE_TIMER,
        payload,
        { within },
      );
    }
  }
}
