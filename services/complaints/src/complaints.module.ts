import { COMPLAINTS_CONTRACTS } from '@crm/complaints-contracts';
import { Inject, Module, type OnModuleInit, type Type } from '@nestjs/common';
import type { Pool } from 'pg';
import type { EventStore } from '@crm/event-store';
import {
  CLOCK,
  EVENT_STORE,
  EventPipelineModule,
  HealthRegistry,
  PG_POOL,
  PlatformModule,
  TimerHandlers,
  WorkItemsModule,
} from '@crm/nest';
import { CustomerDirectoryModule, CustomerDirectoryReader } from '@crm/customers-directory-replica';
import { StaffReplicaModule } from '@crm/staff-replica';
import { type Clock, DurableTimers, PolicyRegistry } from '@crm/policy';
import { calendarCoverageProbe } from './application/calendar-health';
import { CalendarAdoption } from './application/calendar-adoption';
import { CaseQueue } from './application/case-queue';
import { CaseCommandHandler } from './application/case-command.handler';
import { CaseQueries } from './application/case-queries';
import { CaseRegistryTables } from './application/case-registry-tables';
import { DeadlineCalculator } from './application/deadline-calculator';
import { deadlineTimerHandlers } from './application/deadline-timer.handlers';
import { RegisterCaseHandler } from './application/register-case.handler';
import { ComplaintsConfig } from './config/complaints.config';
import { CasesController } from './http/cases.controller';
import { COMPLAINTS_POLICIES } from './policy/complaints-policies';
import { COMPLAINTS_PROJECTIONS } from './projections/complaints-projections';
import { ComplaintsReadModels } from './projections/complaints-read-models';
import { ReadModelsController } from './http/read-models.controller';
import { QueueController } from './http/queue.controller';
import { CalendarController } from './http/calendar.controller';
import { toComplaintsContract } from './relay/complaints-contract.mapper';

export const SERVICE_NAME = 'complaints';

export interface ComplaintsModuleOptions {
  /** Replaces the system clock (tests). */
  readonly clock?: Clock;
  readonly timerIntervalMs?: number;
}

/** Registers the deadline timer handlers and the calendar health probe once the providers exist. */
class ComplaintsWiring implements OnModuleInit {
  constructor(
    private readonly handlers: TimerHandlers,
    private readonly cases: CaseCommandHandler,
    private readonly health: HealthRegistry,
    private readonly deadlines: DeadlineCalculator,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    for (const [kind, handler] of Object.entries(deadlineTimerHandlers(this.cases, this.clock))) {
      this.handlers.on(kind, handler);
    }
    this.health.register('calendar', calendarCoverageProbe(this.deadlines, this.clock), { critical: false });
  }
}

/** The complaints service's root module for one loaded configuration. */
export const complaintsModule = (
  config: ComplaintsConfig,
  options: ComplaintsModuleOptions = {},
): Type<unknown> => {
  @Module({
    imports: [
      PlatformModule.forService({
        serviceName: SERVICE_NAME,
        schema: config.SCHEMA,
        config,
        policies: COMPLAINTS_POLICIES,
        ...(options.clock !== undefined ? { clock: options.clock } : {}),
        ...(options.timerIntervalMs !== undefined ? { timerIntervalMs: options.timerIntervalMs } : {}),
      }),
      CustomerDirectoryModule.forService(config),
      // Staff facts ride the same customers-topic consumer as the customer directory.
      StaffReplicaModule.forService(),
      EventPipelineModule.forService({
        relay: {
          topic: config.COMPLAINTS_TOPIC,
          toContract: toComplaintsContract,
          contracts: COMPLAINTS_CONTRACTS,
        },
        projections: COMPLAINTS_PROJECTIONS,
      }),
      WorkItemsModule.forService(SERVICE_NAME),
    ],
    controllers: [CasesController, ReadModelsController, QueueController, CalendarController],
    providers: [
      {
        provide: CaseRegistryTables,
        inject: [PG_POOL],
        useFactory: async (pool: Pool) => {
          const tables = new CaseRegistryTables(pool, config.SCHEMA);
          await tables.migrate();
          return tables;
        },
      },
      {
        provide: DeadlineCalculator,
        inject: [PolicyRegistry],
        useFactory: (r: PolicyRegistry) => new DeadlineCalculator(r),
      },
      {
        provide: RegisterCaseHandler,
        inject: [
          EVENT_STORE,
          PG_POOL,
          CaseRegistryTables,
          PolicyRegistry,
          DeadlineCalculator,
          DurableTimers,
          CustomerDirectoryReader,
        ],
        useFactory: (
          store: EventStore,
          pool: Pool,
          tables: CaseRegistryTables,
          registry: PolicyRegistry,
          deadlines: DeadlineCalculator,
          timers: DurableTimers,
          directory: CustomerDirectoryReader,
        ) => new RegisterCaseHandler(store, pool, tables, registry, deadlines, timers, directory),
      },
      {
        provide: CaseCommandHandler,
        inject: [
          EVENT_STORE,
          PG_POOL,
          PolicyRegistry,
          DeadlineCalculator,
          DurableTimers,
          RegisterCaseHandler,
        ],
        useFactory: (
          store: EventStore,
          pool: Pool,
          registry: PolicyRegistry,
          deadlines: DeadlineCalculator,
          timers: DurableTimers,
          register: RegisterCaseHandler,
        ) => new CaseCommandHandler(store, pool, registry, deadlines, timers, register),
      },
      {
        provide: CaseQueries,
        inject: [EVENT_STORE, CaseCommandHandler],
        useFactory: (store: EventStore, cases: CaseCommandHandler) => new CaseQueries(store, cases),
      },
      {
        provide: ComplaintsReadModels,
        inject: [PG_POOL],
        useFactory: (pool: Pool) => new ComplaintsReadModels(pool, config.readSchema()),
      },
      {
        provide: CaseQueue,
        inject: [ComplaintsReadModels, DeadlineCalculator, PolicyRegistry],
        useFactory: (models: ComplaintsReadModels, deadlines: DeadlineCalculator, registry: PolicyRegistry) =>
          new CaseQueue(models, deadlines, registry),
      },
      {
        provide: CalendarAdoption,
        inject: [PolicyRegistry, CaseCommandHandler, ComplaintsReadModels],
        useFactory: (registry: PolicyRegistry, cases: CaseCommandHandler, models: ComplaintsReadModels) =>
          new CalendarAdoption(registry, cases, models),
      },
      {
        provide: ComplaintsWiring,
        inject: [TimerHandlers, CaseCommandHandler, HealthRegistry, DeadlineCalculator, CLOCK],
        useFactory: (
          handlers: TimerHandlers,
          cases: CaseCommandHandler,
          health: HealthRegistry,
          deadlines: DeadlineCalculator,
          clock: Clock,
        ) => new ComplaintsWiring(handlers, cases, health, deadlines, clock),
      },
    ],
  })
  class ComplaintsAppModule {}
  return ComplaintsAppModule;
};
