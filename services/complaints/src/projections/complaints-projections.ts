import type { Projection } from '@crm/projections';
import { caseOverviewProjection } from './case-overview.projection';
import { penaltyLedgerProjection } from './penalty-ledger.projection';
import { caseWorkItemsProjection } from './work-items/case-work-items.projection';

export const COMPLAINTS_PROJECTIONS: readonly Projection[] = [
  caseOverviewProjection,
  penaltyLedgerProjection,
  caseWorkItemsProjection,
];
