import { type DynamicModule, Module } from '@nestjs/common';
import { WORK_ITEMS_SERVICE, WorkItemsController } from './work-items.controller';

/**
 * `GET /work-items` over the service's `work_items` read model. Import it next to
 * `EventPipelineModule` and list a projection that writes the table (`workItemsTable`).
 */
@Module({})
export class WorkItemsModule {
  /** `service` is the logical name items carry (`customers`), not a replica's SERVICE_NAME. */
  static forService(service: string): DynamicModule {
    return {
      module: WorkItemsModule,
      controllers: [WorkItemsController],
      providers: [{ provide: WORK_ITEMS_SERVICE, useValue: service }],
    };
  }
}
