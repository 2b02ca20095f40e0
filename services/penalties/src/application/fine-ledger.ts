import type { CommandContext } from '@crm/event-sourcing';
import { handleCommand, type EventStore } from '@crm/event-store';
import type { FineIssuedContractV1 } from '@crm/penalties-contracts';
import {
  fineDecider,
  fineStreamId,
  type Fine,
  type FineCommand,
  type FineEvent,
} from '@crm/penalties-domain';
import type { PayeeResolver } from '../payees/payee-resolver';
import type { AppealWindows } from './appeal-window';

export interface LedgerResult {
  readonly fineId: string;
  readonly events: readonly FineEvent[];
  readonly state: Fine;
}

/** Commands on one fine: the intake of issued fines, appeals and the GM's decisions. */
export class FineLedger {
  constructor(
    private readonly store: EventStore,
    private readonly payees: PayeeResolver,
    private readonly windows: AppealWindows,
  ) {}

  /** A fine from the public contract enters the ledger, its payee resolved as of the fine's time. */
  async record(fine: FineIssuedContractV1, ctx: CommandContext): Promise<LedgerResult> {
    const [payee, window] = await Promise.all([
      this.payees.resolve(fine.payee, fine.issuedAt),
      this.windows.forFineIssuedAt(fine.issuedAt),
    ]);
    return this.execute(
      fine.fineId,
      {
        type: 'RecordFine',
        data: {
          fineId: fine.fineId,
          sourceService: fine.sourceService,
          payeeAsIssued: fine.payee,
          payee,
          amountFen: fine.amountFen,
          currency: fine.currency,
          rule: fine.rule,
          policyVersion: fine.policyVersion,
          cause: fine.cause,
          reason: fine.reason,
          issuedAt: fine.issuedAt,
          ...window,
        },
      },
      ctx,
      true,
    );
  }

  execute(
    fineId: string,
    command: FineCommand,
    ctx: CommandContext,
    deterministicIds = false,
  ): Promise<LedgerResult> {
    return handleCommand(this.store, fineStreamId(fineId), fineDecider, command, ctx, {
      deterministicIds,
    }).then((r) => ({ fineId, events: r.events, state: r.state }));
  }
}
