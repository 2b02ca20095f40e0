import { DomainError, type CommandContext, type Decider } from '@crm/event-sourcing';
import type { FineCommand } from './fine.commands';
import type { FineEvent } from './fine.events';
import { evolveFine, initialFine, type Fine } from './fine';

/** Who decides appeals: the GM approves penalties and penalty notices (CMP-APR-05/10). */
export const APPEAL_DECIDER_ROLES = ['gm'] as const;

const notFound = (): DomainError => new DomainError('not_found', 'fine.not_found', 'no such fine');

const recordFine = (cmd: Extract<FineCommand, { type: 'RecordFine' }>, state: Fine, ctx: CommandContext) => {
  // A redelivered or re-mapped fine is the same fine: the ledger holds it once.
  if (state.status !== 'none') return [];
  return [{ type: 'FineRecorded' as const, data: { ...cmd.data, recordedAt: ctx.now.toISOString() } }];
};

const appeal = (
  cmd: Extract<FineCommand, { type: 'AppealFine' }>,
  state: Fine,
  ctx: CommandContext,
): FineEvent[] => {
  if (state.status === 'none') throw notFound();
  const payee = state.fine.payee.employeeId;
  if (payee === undefined || ctx.actor.id !== payee) {
    throw new DomainError('forbidden', 'fine.not_the_payee', 'only the fined employee may appeal');
  }
  if (state.status !== 'issued') {
    throw new DomainError('conflict', 'fine.already_appealed', `the fine is ${state.status}`, undefined, {
      status: state.status,
    });
  }
  if (ctx.now.getTime() > Date.parse(state.fine.appealDeadline)) {
    throw new DomainError(
      'rule',
      'fine.appeal_window_closed',
      `the appeal window closed at ${state.fine.appealDeadline}`,
      undefined,
      { appealDeadline: state.fine.appealDeadline },
    );
  }
  const grounds = cmd.data.grounds.trim();
  if (grounds.length === 0) {
    throw new DomainError(
      'invalid',
      'fine.grounds_required',
      'grounds: say why the fine is wrong',
      undefined,
      {
        field: 'grounds',
      },
    );
  }
  return [
    {
      type: 'FineAppealed',
      data: { fineId: state.fine.fineId, employeeId: payee, grounds, appealedAt: ctx.now.toISOString() },
    },
  ];
};

const decideAppeal = (
  cmd: Extract<FineCommand, { type: 'DecideFineAppeal' }>,
  state: Fine,
  ctx: CommandContext,
): FineEvent[] => {
  if (state.status === 'none') throw notFound();
  if (!(APPEAL_DECIDER_ROLES as readonly string[]).includes(ctx.actor.role)) {
    throw new DomainError('forbidden', 'fine.gm_only', 'the GM decides appeals', 'CMP-APR-10');
  }
  if (state.status !== 'appealed') {
    throw new DomainError('conflict', 'fine.not_appealed', `the fine is ${state.status}`, undefined, {
      status: state.status,
    });
  }
  const reason = cmd.data.reason.trim();
  if (reason.length === 0) {
    throw new DomainError('invalid', 'fine.reason_required', 'reason: the GM gives a reason', 'CMP-APR-10', {
      field: 'reason',
    });
  }
  return [
    {
      type: 'FineAppealDecided',
      data: {
        fineId: state.fine.fineId,
        outcome: cmd.data.outcome,
        decidedBy: ctx.actor.id,
        reason,
        decidedAt: ctx.now.toISOString(),
      },
    },
  ];
};

export const decideFine = (command: FineCommand, state: Fine, ctx: CommandContext): FineEvent[] => {
  switch (command.type) {
    case 'RecordFine':
      return recordFine(command, state, ctx);
    case 'AppealFine':
      return appeal(command, state, ctx);
    case 'DecideFineAppeal':
      return decideAppeal(command, state, ctx);
  }
};

export const fineDecider: Decider<FineCommand, FineEvent, Fine, CommandContext> = {
  initialState: initialFine,
  decide: decideFine,
  evolve: evolveFine,
};
