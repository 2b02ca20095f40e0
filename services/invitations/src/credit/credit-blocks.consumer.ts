import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CREDIT_ACCOUNT_BLOCKED,
  CREDIT_ACCOUNT_UNBLOCKED,
  parseCreditAccountBlockedV1,
  parseCreditAccountUnblockedV1,
} from '@crm/credit-contracts';
import { KafkaInboxContext, parseContract, type KafkaEnvelope } from '@crm/messaging';
import { CreditBlocksTable } from './credit-blocks.table';

/**
 * Keeps a blocked flag per credit account of a customer (domain §6: credit → invitations) so a
 * confirmation can warn the inviter. Runs inside the inbox transaction: the row and the inbox entry
 * commit together, so a duplicate delivery changes nothing. Accounts of suppliers (no customer id)
 * are not kept. The other credit events are not handled: the inbox records and skips them.
 */
@Controller()
export class CreditBlocksConsumer {
  constructor(private readonly blocks: CreditBlocksTable) {}

  @EventPattern(CREDIT_ACCOUNT_BLOCKED)
  async blocked(@Payload() envelope: KafkaEnvelope, @Ctx() context: KafkaInboxContext): Promise<void> {
    const data = parseContract(envelope, parseCreditAccountBlockedV1);
    if (data.customerId === undefined) return;
    await this.blocks.apply(
      context.getTransaction(),
      {
        accountId: data.accountId,
        customerId: data.customerId,
        blocked: true,
        reason: data.reason,
        blockedAt: data.blockedAt,
      },
      envelope,
    );
  }

  @EventPattern(CREDIT_ACCOUNT_UNBLOCKED)
  async unblocked(@Payload() envelope: KafkaEnvelope, @Ctx() context: KafkaInboxContext): Promise<void> {
    const data = parseContract(envelope, parseCreditAccountUnblockedV1);
    if (data.customerId === undefined) return;
    await this.blocks.apply(
      context.getTransaction(),
      { accountId: data.accountId, customerId: data.customerId, blocked: false },
      envelope,
    );
  }
}
