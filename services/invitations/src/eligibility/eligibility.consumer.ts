import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CUSTOMER_CONSENT_CHANGED,
  CUSTOMER_FORGOTTEN,
  CUSTOMER_LAPSE_CLEARED,
  CUSTOMER_OWNERSHIP_CHANGED,
  CUSTOMER_REGISTERED,
  CUSTOMER_SERVICE_LAPSED,
  parseCustomerConsentChangedV1,
  parseCustomerForgottenV1,
  parseCustomerLapseClearedV1,
  parseCustomerOwnershipChangedV1,
  parseCustomerRegisteredV1,
  parseCustomerServiceLapsedV1,
} from '@crm/customers-contracts';
import { KafkaInboxContext, parseContract, type KafkaEnvelope } from '@crm/messaging';
import { EligibilityTable } from './eligibility.table';

/**
 * Keeps "who may invite whom" current (domain §3.2): owner, lapse (open to other BUs, INV-14) and
 * forgetting. Runs inside the inbox transaction: the row and the inbox entry commit together, so a
 * duplicate delivery changes nothing.
 */
@Controller()
export class EligibilityConsumer {
  constructor(private readonly eligibility: EligibilityTable) {}

  @EventPattern(CUSTOMER_REGISTERED)
  async registered(@Payload() envelope: KafkaEnvelope, @Ctx() context: KafkaInboxContext): Promise<void> {
    const data = parseContract(envelope, parseCustomerRegisteredV1);
    await this.eligibility.apply(
      context.getTransaction(),
      { customerId: data.customerId, ownerBu: data.ownerBu, ownerEmployeeId: data.ownerEmployeeId },
      envelope,
    );
  }

  @EventPattern(CUSTOMER_OWNERSHIP_CHANGED)
  async ownershipChanged(
    @Payload() envelope: KafkaEnvelope,
    @Ctx() context: KafkaInboxContext,
  ): Promise<void> {
    const data = parseContract(envelope, parseCustomerOwnershipChangedV1);
    // A new owner serves the customer: it is no longer open to other BUs.
    await this.eligibility.apply(
      context.getTransaction(),
      { customerId: data.customerId, ownerBu: data.toBu, ownerEmployeeId: data.toEmployeeId, lapsed: false },
      envelope,
    );
  }

  @EventPattern(CUSTOMER_SERVICE_LAPSED)
  async lapsed(@Payload() envelope: KafkaEnvelope, @Ctx() context: KafkaInboxContext): Promise<void> {
    const data = parseContract(envelope, parseCustomerServiceLapsedV1);
    await this.eligibility.apply(
      context.getTransaction(),
      {
        customerId: data.customerId,
        ownerBu: data.ownerBu,
        ownerEmployeeId: data.ownerEmployeeId,
        lapsed: true,
      },
      envelope,
    );
  }

  @EventPattern(CUSTOMER_LAPSE_CLEARED)
  async lapseCleared(@Payload() envelope: KafkaEnvelope, @Ctx() context: KafkaInboxContext): Promise<void> {
    const data = parseContract(envelope, parseCustomerLapseClearedV1);
    await this.eligibility.apply(
      context.getTransaction(),
      { customerId: data.customerId, ownerBu: data.ownerBu, lapsed: false },
      envelope,
    );
  }

  /** DAT-22: an opt-out stops invitations to this customer; a later opt-in lifts it. */
  @EventPattern(CUSTOMER_CONSENT_CHANGED)
  async consentChanged(@Payload() envelope: KafkaEnvelope, @Ctx() context: KafkaInboxContext): Promise<void> {
    const data = parseContract(envelope, parseCustomerConsentChangedV1);
    await this.eligibility.apply(
      context.getTransaction(),
      { customerId: data.customerId, marketingOptedOut: data.marketingOptedOut },
      envelope,
    );
  }

  @EventPattern(CUSTOMER_FORGOTTEN)
  async forgotten(@Payload() envelope: KafkaEnvelope, @Ctx() context: KafkaInboxContext): Promise<void> {
    const data = parseContract(envelope, parseCustomerForgottenV1);
    await this.eligibility.apply(
      context.getTransaction(),
      { customerId: data.customerId, forgotten: true },
      envelope,
    );
  }
}
