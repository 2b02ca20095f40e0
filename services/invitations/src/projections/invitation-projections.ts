import type { Projection } from '@crm/projections';
import { conflictQueueProjection } from './conflict-queue.projection';
import { eventBoardProjection } from './event-board.projection';
import { filingComplianceProjection } from './filing-compliance.projection';
import { jointEventScheduleProjection } from './joint-event-schedule.projection';
import { penaltyLedgerProjection } from './penalty-ledger.projection';
import { invitationWorkItemsProjection } from './work-items.projection';

export const INVITATION_PROJECTIONS: readonly Projection[] = [
  eventBoardProjection,
  conflictQueueProjection,
  filingComplianceProjection,
  penaltyLedgerProjection,
  invitationWorkItemsProjection,
  jointEventScheduleProjection,
];
