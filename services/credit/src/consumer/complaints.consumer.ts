import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  COMPLAINT_NOT_ESTABLISHED,
  COMPLAINT_SETTLEMENT_APPROVED,
  parseComplaintNotEstablishedV1,
  parseComplaintSettlementApprovedV1,
} from '@crm/complaints-contracts';
import { CLOCK } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { parseContract, reactionContext, type KafkaEnvelope, type KafkaInboxContext } from '@crm/messaging';
import { CreditAccountExecutor } from '../application/credit-account.executor';

export const COMPLAINTS_CONSUMER = 'credit-complaints';
const ACTOR = { id: 'system:credit.complaints', role: 'system' };

/**
 * Complaint outcomes that touch receivables (domain §4.8). A settlement becomes one credit note on
 * the customer's account: the inbox drops a redelivered message, the command id derived from the
 * event makes a retried command a no-op, and the account refuses a second note for the same
 * settlement id even if it arrives as a different event.
 */
@Controller()
export class ComplaintsConsumer {
  constructor(
    private readonly executor: CreditAccountExecutor,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @EventPattern(COMPLAINT_SETTLEMENT_APPROVED)
  async onSettlementApproved(@Payload() envelope: KafkaEnvelope, @Ctx() _context: KafkaInboxContext) {
    const settlement = parseContract(envelope, parseComplaintSettlementApprovedV1);
    const ctx = reactionContext(envelope, {
      consumer: COMPLAINTS_CONSUMER,
      actor: ACTOR,
      now: this.clock.now(),
      reason: `complaint ${settlement.caseNumber} settlement approved by ${settlement.approvedBy}`,
    });
    await this.executor.execute(
      settlement.customerId,
      {
        type: 'IssueCreditNote',
        data: {
          settlementId: settlement.settlementId,
          caseId: settlement.caseId,
          caseNumber: settlement.caseNumber,
          settlementKind: settlement.kind,
          amountFen: settlement.amountFen,
        },
      },
      ctx,
      { deterministicIds: true },
    );
  }

  /** Not established: collection is not paused (domain §4.8) — nothing changes here, by design. */
  @EventPattern(COMPLAINT_NOT_ESTABLISHED)
  onNotEstablished(@Payload() envelope: KafkaEnvelope): void {
    parseContract(envelope, parseComplaintNotEstablishedV1);
  }
}
