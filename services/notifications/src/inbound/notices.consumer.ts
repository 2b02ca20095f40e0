import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  COMPLAINT_DEADLINE_WARNING_ISSUED,
  COMPLAINT_MAJOR_CASE_NOTIFIED,
  COMPLAINT_OVERDUE_REMINDER_ISSUED,
} from '@crm/complaints-contracts';
import { CREDIT_ACCOUNT_BLOCKED, CREDIT_SALE_HELD } from '@crm/credit-contracts';
import { INVITATION_CONFLICT_AWAITING_RULING, INVITATION_LIST_DUE_SOON } from '@crm/invitations-contracts';
import { KafkaInboxContext, type KafkaEnvelope } from '@crm/messaging';
import type { NotificationRequest } from '@crm/notifications-domain';
import { NotificationIntake } from '../application/notification-intake';
import {
  accountBlockedRequest,
  conflictRequest,
  CREDIT_REVIEW_DUE,
  deadlineWarningRequest,
  listDueRequest,
  majorCaseRequest,
  overdueReminderRequest,
  reviewDueRequest,
  saleHeldRequest,
} from './notice-requests';

/**
 * The events of the complaints, credit and invitations topics that call for a person. Runs inside
 * the inbox transaction, so a duplicate delivery is dropped before it gets here, and the rows a
 * message makes commit with its inbox entry. Other events are recorded and skipped by the inbox.
 */
@Controller()
export class NoticesConsumer {
  constructor(private readonly intake: NotificationIntake) {}

  private accept(request: NotificationRequest, envelope: KafkaEnvelope, context: KafkaInboxContext) {
    return this.intake.accept(context.getTransaction(), request, envelope.type);
  }

  @EventPattern(COMPLAINT_MAJOR_CASE_NOTIFIED)
  async majorCase(@Payload() e: KafkaEnvelope, @Ctx() c: KafkaInboxContext): Promise<void> {
    await this.accept(majorCaseRequest(e), e, c);
  }

  @EventPattern(COMPLAINT_DEADLINE_WARNING_ISSUED)
  async deadlineWarning(@Payload() e: KafkaEnvelope, @Ctx() c: KafkaInboxContext): Promise<void> {
    await this.accept(deadlineWarningRequest(e), e, c);
  }

  @EventPattern(COMPLAINT_OVERDUE_REMINDER_ISSUED)
  async overdueReminder(@Payload() e: KafkaEnvelope, @Ctx() c: KafkaInboxContext): Promise<void> {
    await this.accept(overdueReminderRequest(e), e, c);
  }

  @EventPattern(INVITATION_CONFLICT_AWAITING_RULING)
  async conflict(@Payload() e: KafkaEnvelope, @Ctx() c: KafkaInboxContext): Promise<void> {
    await this.accept(conflictRequest(e), e, c);
  }

  @EventPattern(INVITATION_LIST_DUE_SOON)
  async listDue(@Payload() e: KafkaEnvelope, @Ctx() c: KafkaInboxContext): Promise<void> {
    await this.accept(listDueRequest(e), e, c);
  }

  @EventPattern(CREDIT_SALE_HELD)
  async saleHeld(@Payload() e: KafkaEnvelope, @Ctx() c: KafkaInboxContext): Promise<void> {
    await this.accept(saleHeldRequest(e), e, c);
  }

  @EventPattern(CREDIT_ACCOUNT_BLOCKED)
  async accountBlocked(@Payload() e: KafkaEnvelope, @Ctx() c: KafkaInboxContext): Promise<void> {
    await this.accept(accountBlockedRequest(e), e, c);
  }

  @EventPattern(CREDIT_REVIEW_DUE)
  async reviewDue(@Payload() e: KafkaEnvelope, @Ctx() c: KafkaInboxContext): Promise<void> {
    await this.accept(reviewDueRequest(e), e, c);
  }
}
