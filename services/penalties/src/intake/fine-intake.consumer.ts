import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { COMPLAINT_FINE_ISSUED, parseComplaintFineIssuedV1 } from '@crm/complaints-contracts';
import { parseFineIssuedV1 as parseInvitationFineLegacy } from '@crm/invitations-contracts';
import { CLOCK } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { parseContract, reactionContext, type KafkaEnvelope, type KafkaInboxContext } from '@crm/messaging';
import {
  FINE_ISSUED_CONTRACT,
  isFineIssuedContract,
  parseFineIssuedContract,
  type FineIssuedContractV1,
} from '@crm/penalties-contracts';
import { FineLedger } from '../application/fine-ledger';
import { fromComplaintFineLegacy, fromInvitationFineLegacy } from './incoming-fine';

export const FINE_INTAKE_CONSUMER = 'penalties-fines';
const ACTOR = { id: 'system:penalties.intake', role: 'system' };

/**
 * Every service's fines into the one ledger. The inbox drops a redelivered message; the command id
 * derived from the event, and the fine id as the stream, make a re-sent fine a no-op.
 */
@Controller()
export class FineIntakeConsumer {
  constructor(
    private readonly ledger: FineLedger,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The public contract (any service), or the invitations service's older shape under the same name. */
  @EventPattern(FINE_ISSUED_CONTRACT)
  async onFineIssued(@Payload() envelope: KafkaEnvelope, @Ctx() _context: KafkaInboxContext) {
    const fine = isFineIssuedContract(envelope.data)
      ? parseContract(envelope, parseFineIssuedContract)
      : fromInvitationFineLegacy(parseContract(envelope, parseInvitationFineLegacy), envelope);
    await this.record(fine, envelope);
  }

  /** The complaints service's older shape. */
  @EventPattern(COMPLAINT_FINE_ISSUED)
  async onComplaintFineIssued(@Payload() envelope: KafkaEnvelope, @Ctx() _context: KafkaInboxContext) {
    await this.record(
      fromComplaintFineLegacy(parseContract(envelope, parseComplaintFineIssuedV1), envelope),
      envelope,
    );
  }

  private async record(fine: FineIssuedContractV1, envelope: KafkaEnvelope): Promise<void> {
    const ctx = reactionContext(envelope, {
      consumer: FINE_INTAKE_CONSUMER,
      actor: ACTOR,
      now: this.clock.now(),
      reason: `${fine.sourceService} fined under ${fine.rule} (${fine.cause.reference})`,
    });
    await this.ledger.record(fine, ctx);
  }
}
