import type { Decider } from '@crm/event-sourcing';
import { type Case, evolveCase, initialCase } from './case';
import type { CaseCommand } from './case.commands';
import type { CaseEvent } from './case.events';
import { type CaseDecisionContext, requireCase } from './case-context';
import { decideExtendDeadline, decideOverdue, decideRemind, decideWarn } from './case-deadlines.decide';
import { decideRecompute } from './case-deadline-recompute.decide';
import {
  decideArchive,
  decideAssign,
  decideClassify,
  decideClose,
  decideExtendRetention,
  decideFollowUp,
  decideInvestigate,
  decideNotEstablished,
  decideRaiseSeverity,
  decideTransfer,
  decideWaive,
} from './case-handling.decide';
import { decideRegister } from './case-registration.decide';
import {
  decideAcceptance,
  decideApprove,
  decidePropose,
  decideRejection,
  decideReply,
  decideSendBack,
} from './case-resolution.decide';

export const decideCase = (
  command: CaseCommand,
  state: Case,
  ctx: CaseDecisionContext,
): readonly CaseEvent[] => {
  if (command.type === 'RegisterCase') return decideRegister(command, state, ctx);
  const c = requireCase(state);
  switch (command.type) {
    case 'ClassifyCase':
      return decideClassify(command, c, ctx);
    case 'AssignCase':
      return decideAssign(command, c, ctx);
    case 'TransferReceiver':
      return decideTransfer(command, c, ctx);
    case 'RecordInvestigation':
      return decideInvestigate(command, c, ctx);
    case 'ProposeResolution':
      return decidePropose(command, c, ctx);
    case 'ApproveResolution':
      return decideApprove(command, c, ctx);
    case 'SendBackResolution':
      return decideSendBack(command, c, ctx);
    case 'ReplyToCustomer':
      return decideReply(command, c, ctx);
    case 'RecordAcceptance':
      return decideAcceptance(command, c, ctx);
    case 'RecordRejection':
      return decideRejection(command, c, ctx);
    case 'DeclareNotEstablished':
      return decideNotEstablished(command, c, ctx);
    case 'ExtendDeadline':
      return decideExtendDeadline(command, c, ctx);
    case 'RecordFollowUp':
      return decideFollowUp(command, c, ctx);
    case 'WaiveFollowUp':
      return decideWaive(command, c, ctx);
    case 'CloseCase':
      return decideClose(command, c, ctx);
    case 'ArchiveCase':
      return decideArchive(command, c, ctx);
    case 'ExtendRetention':
      return decideExtendRetention(command, c);
    case 'WarnDeadline':
      return decideWarn(command, c);
    case 'MarkOverdue':
      return decideOverdue(command, c, ctx);
    case 'RaiseSeverity':
      return decideRaiseSeverity(command, c, ctx);
    case 'RemindOverdue':
      return decideRemind(command, c);
    case 'RecomputeDeadline':
      return decideRecompute(command.data.deadline, 'calendar_adopted', c);
  }
};

export const caseDecider: Decider<CaseCommand, CaseEvent, Case, CaseDecisionContext> = {
  initialState: initialCase,
  decide: decideCase,
  evolve: evolveCase,
};
