import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { CUSTOMER_REGISTERED, parseCustomerRegisteredV1 } from '@crm/customers-contracts';
import { KafkaInboxContext, NonRetriableError, type KafkaEnvelope } from '@crm/messaging';
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
    let data;
    try {
      data = parseCustomerRegisteredV1(envelope.data);
    } catch (error) {
      // A contract violation will not heal by retrying: straight to the dead-letter topic, with the
      // reason in the message so an operator listing dead letters sees what was wrong.
      const reason = error instanceof Error ? error.message : String(error);
      throw new NonRetriableError(
        `CustomerRegistered ${envelope.eventId} breaks the v1 contract: ${reason}`,
        { cause: error },
      );
    }
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
}
