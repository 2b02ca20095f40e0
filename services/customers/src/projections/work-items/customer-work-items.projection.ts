import type { StoredEvent } from '@crm/event-store';
import type {
  BatchRecordsEntered,
  BatchReturnedToBu,
  CustomerForgotten,
  CustomerLapseCleared,
  CustomerOwnershipChanged,
  CustomerRegistered,
  CustomerServiceLapsed,
  CustomerServiceRecorded,
  OutreachBatchSubmitted,
} from '@crm/customers-domain';
import { POLICY_VERSION_ADOPTED, type PolicyVersionAdoptedData } from '@crm/policy';
import {
  defineProjection,
  type ProjectionContext,
  removeWorkItem,
  reviseWorkItem,
  upsertWorkItem,
  workItemsTable,
} from '@crm/projections';
import {
  LAPSE_WATCH,
  lapseWatchTables,
  lapsingId,
  recordLapseRules,
  refreshLapsingItem,
  watch,
} from './lapse-watch';

const batchId = (id: string): string => `batch:${id}`;
const lapsedId = (customerId: string): string => `lapsed:${customerId}`;

const onRegistered = async (d: CustomerRegistered['data'], ctx: ProjectionContext): Promise<void> => {
  await ctx.manager.query(
    `INSERT INTO ${ctx.table(LAPSE_WATCH)} VALUES ($1, $2, $3, $4, false) ON CONFLICT DO NOTHING`,
    [d.customerId, d.ownerBu, d.ownerEmployeeId, d.registeredAt],
  );
  await refreshLapsingItem(d.customerId, ctx);
};

/** The resource director reassigns a lapsed record (ARC-70); a new owner or a cleared lapse ends it. */
const onLapsed = async (d: CustomerServiceLapsed['data'], ctx: ProjectionContext): Promise<void> => {
  await upsertWorkItem(ctx, {
    id: lapsedId(d.customerId),
    kind: 'lapsedToReassign',
    titleKey: 'workItems.customers.lapsedToReassign',
    titleParams: { customerId: d.customerId, ownerBu: d.ownerBu, lapsedAt: d.lapsedAt },
    dueAt: null,
    priority: 'normal',
    link: `/customers/${d.customerId}`,
    audience: { role: 'resource_director' },
  });
  await watch(ctx, d.customerId, { lapsed: true });
};

/**
 * A batch is one item that moves along ARC-01..04: submitted → the clerks enter it → the clerks
 * return it → the BU's manager allocates it (then it is gone).
 */
const onBatchSubmitted = (d: OutreachBatchSubmitted['data'], ctx: ProjectionContext): Promise<void> =>
  upsertWorkItem(ctx, {
    id: batchId(d.batchId),
    kind: 'batchToEnter',
    titleKey: 'workItems.customers.batchToEnter',
    titleParams: { batchId: d.batchId, seminar: d.seminar, bu: d.bu, records: d.recordCount },
    dueAt: null,
    priority: 'normal',
    link: `/customers/batches/${d.batchId}`,
    audience: { role: 'crm_clerk' },
  });

/**
 * The customers inbox: outreach batches to enter and return (crm_clerk) and to allocate (the BU's
 * bu_manager), lapsed customers to reassign (resource_director), and each owner's customers that
 * lapse within the watch window (staff).
 */
export const customerWorkItemsProjection = defineProjection({
  name: 'customer_work_items',
  version: 1,
  handles: [
    POLICY_VERSION_ADOPTED,
    'CustomerRegistered',
    'CustomerServiceRecorded',
    'CustomerServiceLapsed',
    'CustomerLapseCleared',
    'CustomerOwnershipChanged',
    'CustomerForgotten',
    'OutreachBatchSubmitted',
    'BatchRecordsEntered',
    'BatchReturnedToBu',
    'BatchAllocated',
  ],
  tables: [workItemsTable, ...lapseWatchTables],
  async apply(event: StoredEvent, ctx: ProjectionContext): Promise<void> {
    switch (event.type) {
      case POLICY_VERSION_ADOPTED:
        return recordLapseRules(event.data as unknown as PolicyVersionAdoptedData, ctx);
      case 'CustomerRegistered':
        return onRegistered(event.data as CustomerRegistered['data'], ctx);
      case 'CustomerServiceRecorded': {
        const d = event.data as CustomerServiceRecorded['data'];
        if (!d.byOwner) return;
        return watch(ctx, d.customerId, { lastServiceAt: d.servedAt });
      }
      case 'CustomerServiceLapsed':
        return onLapsed(event.data as CustomerServiceLapsed['data'], ctx);
      case 'CustomerLapseCleared': {
        const d = event.data as CustomerLapseCleared['data'];
        await removeWorkItem(ctx, lapsedId(d.customerId));
        return watch(ctx, d.customerId, { lapsed: false });
      }
      case 'CustomerOwnershipChanged': {
        const d = event.data as CustomerOwnershipChanged['data'];
        await removeWorkItem(ctx, lapsedId(d.customerId));
        return watch(ctx, d.customerId, {
          owner: { bu: d.toBu, employeeId: d.toEmployeeId },
          lastServiceAt: d.changedAt,
          lapsed: false,
        });
      }
      case 'CustomerForgotten': {
        const d = event.data as CustomerForgotten['data'];
        await ctx.manager.query(`DELETE FROM ${ctx.table(LAPSE_WATCH)} WHERE customer_id = $1`, [
          d.customerId,
        ]);
        await removeWorkItem(ctx, lapsedId(d.customerId));
        return removeWorkItem(ctx, lapsingId(d.customerId));
      }
      case 'OutreachBatchSubmitted':
        return onBatchSubmitted(event.data as OutreachBatchSubmitted['data'], ctx);
      case 'BatchRecordsEntered':
        return reviseWorkItem(ctx, batchId((event.data as BatchRecordsEntered['data']).batchId), {
          kind: 'batchToReturn',
          titleKey: 'workItems.customers.batchToReturn',
          priority: 'normal',
        });
      case 'BatchReturnedToBu': {
        const d = event.data as BatchReturnedToBu['data'];
        return reviseWorkItem(ctx, batchId(d.batchId), {
          kind: 'batchToAllocate',
          titleKey: 'workItems.customers.batchToAllocate',
          priority: 'normal',
          audience: { role: 'bu_manager', bu: d.bu },
        });
      }
      case 'BatchAllocated':
        return removeWorkItem(ctx, batchId((event.data as { batchId: string }).batchId));
    }
  },
});
