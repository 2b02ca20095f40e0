import { Module, type Type } from '@nestjs/common';
import type { Pool } from 'pg';
import type { EventStore } from '@crm/event-store';
import { EVENT_STORE, EventPipelineModule, PG_POOL, PlatformModule, WorkItemsModule } from '@crm/nest';
import { PolicyRegistry, type Clock } from '@crm/policy';
import { STAFF_DIRECTORY, StaffReplicaModule, type StaffDirectory } from '@crm/staff-replica';
import { AppealWindows } from './application/appeal-window';
import { FineLedger } from './application/fine-ledger';
import { PenaltiesConfig } from './config/penalties.config';
import { FinesController } from './http/fines.controller';
import { PayrollExportController } from './http/payroll-export.controller';
import { FineIntakeConsumer } from './intake/fine-intake.consumer';
import { PayeeResolver } from './payees/payee-resolver';
import { PENALTIES_POLICIES } from './policy/penalties-policies';
import { fineLedgerProjection } from './projections/fine-ledger.projection';
import { FineLedgerReader } from './projections/fine-ledger.reader';
import { penaltiesWorkItemsProjection } from './projections/penalties-work-items.projection';

export const SERVICE_NAME = 'penalties';

export interface PenaltiesModuleOptions {
  readonly clock?: Clock;
  readonly timerIntervalMs?: number;
}

/** The penalties service's root module for one loaded configuration. */
export const penaltiesModule = (
  config: PenaltiesConfig,
  options: PenaltiesModuleOptions = {},
): Type<unknown> => {
  @Module({
    imports: [
      PlatformModule.forService({
        serviceName: SERVICE_NAME,
        schema: config.SCHEMA,
        config,
        policies: PENALTIES_POLICIES,
        ...options,
      }),
      EventPipelineModule.forService({
        projections: [fineLedgerProjection, penaltiesWorkItemsProjection],
      }),
      // Who held which post when: the staff facts ride the same consumer as the fines.
      StaffReplicaModule.forService(),
      WorkItemsModule.forService(SERVICE_NAME),
    ],
    controllers: [FinesController, PayrollExportController, FineIntakeConsumer],
    providers: [
      {
        provide: FineLedger,
        inject: [EVENT_STORE, PolicyRegistry, STAFF_DIRECTORY],
        useFactory: (store: EventStore, policies: PolicyRegistry, directory: StaffDirectory) =>
          new FineLedger(store, new PayeeResolver(directory), new AppealWindows(policies)),
      },
      {
        provide: FineLedgerReader,
        inject: [PG_POOL],
        useFactory: (pool: Pool) => new FineLedgerReader(pool, config.readSchema()),
      },
    ],
  })
  class PenaltiesAppModule {}
  return PenaltiesAppModule;
};
