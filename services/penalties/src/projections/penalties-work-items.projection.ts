import type { StoredEvent } from '@crm/event-store';
import type { FineEvent } from '@crm/penalties-domain';
import {
  defineProjection,
  removeWorkItem,
  upsertWorkItem,
  workItemsTable,
  type ProjectionContext,
} from '@crm/projections';

const appealItem = (fineId: string): string => `appeal:${fineId}`;

/** The GM's inbox: every appealed fine waits for an uphold or waive decision (CMP-APR-05/10). */
export const penaltiesWorkItemsProjection = defineProjection({
  name: 'penalties_work_items',
  version: 1,
  handles: ['FineAppealed', 'FineAppealDecided'],
  tables: [workItemsTable],
  async apply(stored: StoredEvent, ctx: ProjectionContext): Promise<void> {
    const event = { type: stored.type, data: stored.data } as FineEvent;
    if (event.type === 'FineAppealed') {
      await upsertWorkItem(ctx, {
        id: appealItem(event.data.fineId),
        kind: 'appealToDecide',
        titleKey: 'workItems.penalties.appealToDecide',
        titleParams: { fineId: event.data.fineId, employeeId: event.data.employeeId },
        dueAt: null,
        priority: 'normal',
        link: `/penalties/fines/${event.data.fineId}`,
        audience: { role: 'gm' },
      });
    }
    if (event.type === 'FineAppealDecided') await removeWorkItem(ctx, appealItem(event.data.fineId));
  },
});
