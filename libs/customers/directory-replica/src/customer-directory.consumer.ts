import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CUSTOMER_FORGOTTEN,
  CUSTOMER_LAPSE_CLEARED,
  CUSTOMER_OWNERSHIP_CHANGED,
  CUSTOMER_REGISTERED,
  CUSTOMER_SERVICE_LAPSED,
  parseCustomerForgottenV1,
  parseCustomerLapseClearedV1,
  parseCustomerOwnershipChangedV1,
  parseCustomerRegisteredV1,
  parseCustomerServiceLapsedV1,
} from '@crm/customers-contracts';
import { KafkaInboxContext, parseContract, type KafkaEnvelope } from '@crm/messaging';
import { CUSTOMER_DIRECTORY_CONFIG, type CustomerDirectoryConfig } from './customer-directory.config';
import { customerDirectoryTable } from './customer-directory.table';

/**
 * Keeps the local customer directory in step with the customers topic. Runs inside the inbox
 * transaction: the row and the inbox entry commit together, so a redelivery changes nothing.
 */
@Controller()
export class CustomerDirectoryConsumer {
  private readonly table: string;

  constructor(@Inject(CUSTOMER_DIRECTORY_CONFIG) config: CustomerDirectoryConfig) {
    this.table = customerDirectoryTable(config.readSchema());
  }

  @EventPattern(CUSTOMER_REGISTERED)
  async onCustomerRegistered(
    @Payload() envelope: KafkaEnvelope,
    @Ctx() context: KafkaInboxContext,
  ): Promise<void> {
    const data = parseContract(envelope, parseCustomerRegisteredV1);
    // Guarded by the stream version so a late, older event never overwrites a newer owner.
    await context.getTransaction().query(
      `insert into ${this.table} as d
         (customer_id, owner_bu, owner_employee_id, source, registered_at, last_event_id, last_event_version)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (customer_id) do update set
         owner_bu = excluded.owner_bu,
         owner_employee_id = excluded.owner_employee_id,
         last_event_id = excluded.last_event_id,
         last_event_version = excluded.last_event_version,
         updated_at = now()
       where d.last_event_version < excluded.last_event_version`,
      [
        data.customerId,
        data.ownerBu,
        data.ownerEmployeeId,
        data.source,
        data.registeredAt,
        envelope.eventId,
        envelope.version,
      ],
    );
  }

  @EventPattern(CUSTOMER_OWNERSHIP_CHANGED)
  async onOwnershipChanged(
    @Payload() envelope: KafkaEnvelope,
    @Ctx() context: KafkaInboxContext,
  ): Promise<void> {
    const data = parseContract(envelope, parseCustomerOwnershipChangedV1);
    await this.update(
      context,
      envelope,
      data.customerId,
      'owner_bu = $4, owner_employee_id = $5, lapsed = false',
      [data.toBu, data.toEmployeeId],
    );
  }

  @EventPattern(CUSTOMER_SERVICE_LAPSED)
  async onLapsed(@Payload() envelope: KafkaEnvelope, @Ctx() context: KafkaInboxContext): Promise<void> {
    const data = parseContract(envelope, parseCustomerServiceLapsedV1);
    await this.update(context, envelope, data.customerId, 'lapsed = true', []);
  }

  @EventPattern(CUSTOMER_LAPSE_CLEARED)
  async onLapseCleared(@Payload() envelope: KafkaEnvelope, @Ctx() context: KafkaInboxContext): Promise<void> {
    const data = parseContract(envelope, parseCustomerLapseClearedV1);
    await this.update(context, envelope, data.customerId, 'lapsed = false', []);
  }

  @EventPattern(CUSTOMER_FORGOTTEN)
  async onForgotten(@Payload() envelope: KafkaEnvelope, @Ctx() context: KafkaInboxContext): Promise<void> {
    const data = parseContract(envelope, parseCustomerForgottenV1);
    await this.update(context, envelope, data.customerId, 'forgotten = true', []);
  }

  /** Guarded by the stream version: a late, older event never overwrites a newer state. */
  private async update(
    context: KafkaInboxContext,
    envelope: KafkaEnvelope,
    customerId: string,
    set: string,
    values: readonly unknown[],
  ): Promise<void> {
    await context.getTransaction().query(
      `update ${this.table} set ${set}, last_event_id = $2, last_event_version = $3, updated_at = now()
        where customer_id = $1 and last_event_version < $3`,
      [customerId, envelope.eventId, envelope.version, ...values],
    );
  }
}
