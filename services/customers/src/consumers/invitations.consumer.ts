import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  ATTENDANCE_RECORDED,
  EVENT_SALE_RECORDED,
  INVITATION_CONFIRMED,
  parseAttendanceRecordedV1,
  parseEventSaleRecordedV1,
  parseInvitationConfirmedV1,
} from '@crm/invitations-contracts';
import { parseContract, type KafkaEnvelope, type KafkaInboxContext } from '@crm/messaging';
import { CLOCK } from '@crm/nest';
import { deterministicUuid } from '@crm/event-sourcing';
import type { Clock } from '@crm/policy';
import type { Customer, RecordService } from '@crm/customers-domain';
import { CustomerCommands } from '../application/customer-commands';
import { CustomersPolicies } from '../policy/customers-policies';
import { CustomersConfig } from '../config/customers.config';
import { inboundFactsConsumerName } from './consumer-names';
import { parkRefusals, reactTo } from './reaction';

/**
 * Invitations facts (domain §6): each is qualifying service for the lapse clock; attendance and
 * sales of a referred customer earn its referrer points. Every command's id derives from the
 * Kafka event id and a step name, so a redelivery that slips past the inbox still appends nothing.
 */
@Controller()
export class InvitationsConsumer {
  private readonly consumer: string;

  constructor(
    private readonly commands: CustomerCommands,
    private readonly policies: CustomersPolicies,
    @Inject(CLOCK) private readonly clock: Clock,
    config: CustomersConfig,
  ) {
    this.consumer = inboundFactsConsumerName(config);
  }

  @EventPattern(INVITATION_CONFIRMED)
  async onInvitationConfirmed(
    @Payload() envelope: KafkaEnvelope,
    @Ctx() _ctx: KafkaInboxContext,
  ): Promise<void> {
    const fact = parseContract(envelope, parseInvitationConfirmedV1);
    await this.serve(envelope, {
      customerId: fact.customerId,
      kind: 'invitation_confirmed',
      reference: fact.invitationId,
      servedAt: fact.confirmedAt,
      byBu: fact.bu,
      byEmployeeId: fact.employeeId,
    });
  }

  @EventPattern(ATTENDANCE_RECORDED)
  async onAttendanceRecorded(
    @Payload() envelope: KafkaEnvelope,
    @Ctx() _ctx: KafkaInboxContext,
  ): Promise<void> {
    const fact = parseContract(envelope, parseAttendanceRecordedV1);
    const referee = await this.serve(envelope, {
      customerId: fact.customerId,
      kind: 'attendance',
      reference: fact.jointEventId,
      servedAt: fact.attendedAt,
      byBu: fact.inviterBu,
      byEmployeeId: fact.inviterEmployeeId,
    });
    await this.awardReferrer(envelope, referee, 'attendance', fact.jointEventId);
  }

  @EventPattern(EVENT_SALE_RECORDED)
  async onEventSaleRecorded(
    @Payload() envelope: KafkaEnvelope,
    @Ctx() _ctx: KafkaInboxContext,
  ): Promise<void> {
    const fact = parseContract(envelope, parseEventSaleRecordedV1);
    const referee = await this.serve(envelope, {
      customerId: fact.customerId,
      kind: 'sale',
      reference: fact.saleId,
      servedAt: fact.soldAt,
      byBu: fact.inviterBu,
      byEmployeeId: fact.inviterEmployeeId,
      amountFen: fact.amountFen,
    });
    await this.awardReferrer(envelope, referee, 'purchase', fact.saleId, fact.amountFen);
    await this.reclassify(envelope, fact.customerId);
  }

  /** Domain §2.7: a purchase moves the total, so the tier is re-derived from the policy's thresholds. */
  private async reclassify(envelope: KafkaEnvelope, customerId: string): Promise<void> {
    const now = this.clock.now();
    const policy = await this.policies.classification(now);
    await parkRefusals(envelope, () =>
      this.commands.execute(
        { type: 'ClassifyCustomer', data: { customerId, mode: 'policy', thresholds: policy.params } },
        reactTo(envelope, this.consumer, now, 'classification', policy.version),
      ),
    );
  }

  private async serve(envelope: KafkaEnvelope, data: RecordService['data']): Promise<Customer> {
    // Keyed by the fact itself (invitation, meeting, sale), not only by the Kafka event id: the same
    // fact re-published under another event id is still recorded once.
    const context = {
      ...reactTo(envelope, this.consumer, this.clock.now(), 'service'),
      commandId: deterministicUuid('customer-service', data.customerId, data.kind, data.reference),
    };
    return parkRefusals(
      envelope,
      async () => (await this.commands.execute({ type: 'RecordService', data }, context)).state,
    );
  }

  /** ARC-110/111: only a referred customer earns its referrer anything. */
  private async awardReferrer(
    envelope: KafkaEnvelope,
    referee: Customer,
    cause: 'attendance' | 'purchase',
    reference: string,
    amountFen?: number,
  ): Promise<void> {
    if (referee.status !== 'registered' || referee.referredBy === undefined) return;
    const referrerId = referee.referredBy;
    const now = this.clock.now();
    const policy = await this.policies.points(now);
    await parkRefusals(envelope, () =>
      this.commands.execute(
        {
          type: 'AwardReferralPoints',
          data: {
            customerId: referrerId,
            refereeId: referee.customerId,
            cause,
            reference,
            ...(amountFen !== undefined ? { amountFen } : {}),
            policy: policy.params,
          },
        },
        {
          ...reactTo(envelope, this.consumer, now, 'referral-points', policy.version),
          commandId: deterministicUuid('referral-points', referrerId, cause, referee.customerId, reference),
        },
      ),
    );
  }
}
