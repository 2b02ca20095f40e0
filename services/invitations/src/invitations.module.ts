import { INVITATIONS_CONTRACTS } from '@crm/invitations-contracts';
import { Module, type Type } from '@nestjs/common';
import type { Pool } from 'pg';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE, EventPipelineModule, PG_POOL, PlatformModule, WorkItemsModule } from '@crm/nest';
import { CustomerDirectoryModule } from '@crm/customers-directory-replica';
import { StaffReplicaModule } from '@crm/staff-replica';
import { DurableTimers, PolicyRegistry, type Clock } from '@crm/policy';
import { ClaimsIndex } from './application/claims-index';
import { InvitationExplanations } from './application/invitation-explanation';
import { InvitationTimers } from './application/invitation-timers';
import { InvitationsApp } from './application/invitations-app';
import { InvitationsConfig } from './config/invitations.config';
import { CreditBlocksConsumer } from './credit/credit-blocks.consumer';
import { CreditBlocksTable } from './credit/credit-blocks.table';
import { EligibilityConsumer } from './eligibility/eligibility.consumer';
import { EligibilityTable } from './eligibility/eligibility.table';
import { CustomerInvitationsController } from './http/customer-invitations.controller';
import { JointEventsController } from './http/joint-events.controller';
import { INVITATION_POLICY_V1 } from './policy/invitation-policy.document';
import { toInvitationsContract } from './relay/invitations-contract.mapper';
import { INVITATION_PROJECTIONS } from './projections/invitation-projections';
import { ReadModelsController } from './projections/read-models.controller';
import { ReadModels } from './projections/read-models.reader';

export const SERVICE_NAME = 'invitations';

/** The invitations service's root module for one loaded configuration. */
export const invitationsModule = (
  config: InvitationsConfig,
  options: { readonly clock?: Clock; readonly timerIntervalMs?: number } = {},
): Type<unknown> => {
  @Module({
    imports: [
      PlatformModule.forService({
        serviceName: SERVICE_NAME,
        schema: config.SCHEMA,
        config,
        policies: [INVITATION_POLICY_V1],
        ...options,
      }),
      EventPipelineModule.forService({
        relay: {
          topic: config.INVITATIONS_TOPIC,
          toContract: toInvitationsContract,
          contracts: INVITATIONS_CONTRACTS,
        },
        projections: INVITATION_PROJECTIONS,
      }),
      CustomerDirectoryModule.forService(config),
      // Staff facts ride the same customers-topic consumer as the customer directory.
      StaffReplicaModule.forService(),
      WorkItemsModule.forService(SERVICE_NAME),
    ],
    controllers: [
      JointEventsController,
      CustomerInvitationsController,
      ReadModelsController,
      EligibilityConsumer,
      CreditBlocksConsumer,
    ],
    providers: [
      {
        provide: EligibilityTable,
        inject: [PG_POOL],
        useFactory: async (pool: Pool): Promise<EligibilityTable> => {
          const table = new EligibilityTable(pool, config.readSchema());
          await table.migrate();
          return table;
        },
      },
      {
        provide: CreditBlocksTable,
        inject: [PG_POOL],
        useFactory: async (pool: Pool): Promise<CreditBlocksTable> => {
          const table = new CreditBlocksTable(pool, config.readSchema());
          await table.migrate();
          return table;
        },
      },
      {
        provide: ClaimsIndex,
        inject: [PG_POOL],
        useFactory: async (pool: Pool): Promise<ClaimsIndex> => {
          const index = new ClaimsIndex(pool, config.SCHEMA);
          await index.migrate();
          return index;
        },
      },
      {
        provide: InvitationsApp,
        inject: [
          EVENT_STORE,
          PolicyRegistry,
          DurableTimers,
          EligibilityTable,
          ClaimsIndex,
          CreditBlocksTable,
        ],
        useFactory: (
          store: EventStore,
          policies: PolicyRegistry,
          timers: DurableTimers,
          eligibility: EligibilityTable,
          claims: ClaimsIndex,
          credit: CreditBlocksTable,
        ) => new InvitationsApp(store, policies, timers, eligibility, claims, credit),
      },
      {
        provide: InvitationExplanations,
        inject: [EVENT_STORE],
        useFactory: (store: EventStore) => new InvitationExplanations(store),
      },
      {
        provide: ReadModels,
        inject: [PG_POOL],
        useFactory: (pool: Pool) => new ReadModels(pool, config.readSchema()),
      },
      InvitationTimers,
    ],
  })
  class InvitationsAppModule {}
  return InvitationsAppModule;
};
