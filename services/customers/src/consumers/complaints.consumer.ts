import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  CUSTOMER_TRANSFER_REQUESTED,
  parseCustomerTransferRequestedV1,
  type CustomerTransferRequestedV1,
} from '@crm/complaints-contracts';
import { parseContract, type KafkaEnvelope, type KafkaInboxContext } from '@crm/messaging';
import { CLOCK } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { leastLoadedElsewhere, type Candidate } from '@crm/customers-domain';
import { CustomerCommands } from '../application/customer-commands';
import { CustomersConfig } from '../config/customers.config';
import { StaffDirectoryReader } from '../projections/staff-directory.reader';
import { CustomersPolicies } from '../policy/customers-policies';
import { deterministicUuid, type CommandContext } from '@crm/event-sourcing';
import { inboundFactsConsumerName } from './consumer-names';
import { parkRefusals, reactTo } from './reaction';

/**
 * Unresolved complaint (CMP-32, ARC-71): the customer moves to the least-loaded active employee of
 * another BU. The candidates and their loads at the time are the decision's basis; the command id
 * derives from the Kafka event, so a redelivered request moves the customer once.
 */
@Controller()
export class ComplaintsConsumer {
  private readonly consumer: string;

  constructor(
    private readonly commands: CustomerCommands,
    private readonly staff: StaffDirectoryReader,
    private readonly policies: CustomersPolicies,
    @Inject(CLOCK) private readonly clock: Clock,
    config: CustomersConfig,
  ) {
    this.consumer = inboundFactsConsumerName(config);
  }

  @EventPattern(CUSTOMER_TRANSFER_REQUESTED)
  async onTransferRequested(
    @Payload() envelope: KafkaEnvelope,
    @Ctx() _ctx: KafkaInboxContext,
  ): Promise<void> {
    const request = parseContract(envelope, parseCustomerTransferRequestedV1);
    const candidates = await this.staff.activeWithLoad();
    const now = this.clock.now();
    const policy = await this.policies.reassignment(now);
    // The request id is the contract's idempotency key: a request re-published under another event
    // id must not move the customer a second time, so the command id derives from it.
    const context = {
      ...reactTo(envelope, this.consumer, now, 'transfer', policy.version),
      commandId: deterministicUuid('customer-transfer-request', request.requestId),
    };
    await parkRefusals(envelope, () => this.reassign(request, candidates, context));
  }

  private async reassign(
    request: CustomerTransferRequestedV1,
    candidates: readonly Candidate[],
    context: CommandContext,
  ): Promise<void> {
    // Another BU than the one complained about, and than the one holding the customer now (an
    // earlier request may already have moved it).
    const current = await this.commands.state(request.customerId);
    const ownerBu = current.status === 'registered' ? current.ownerBu : request.fromBu;
    const chosen = leastLoadedElsewhere(
      candidates.filter((c) => c.bu !== ownerBu),
      request.fromBu,
    );
    await this.commands.execute(
      {
        type: 'ReassignCustomer',
        data: {
          customerId: request.customerId,
          toBu: chosen.bu,
          toEmployeeId: chosen.employeeId,
          reason: 'unresolved_complaint',
          basis: {
            requestId: request.requestId,
            caseId: request.caseId,
            caseNumber: request.caseNumber,
            complaintRule: request.rule,
            complaintPolicyVersion: request.policyVersion,
            choice: 'least_load_in_another_bu',
            candidates: candidates.filter((c) => c.bu !== request.fromBu),
          },
        },
      },
      context,
    );
  }
}
