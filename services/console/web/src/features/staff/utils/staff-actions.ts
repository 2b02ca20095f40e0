import type { EmployeeStatus, StaffAction } from '@/features/staff/api/types';

/**
 * What can happen to an employee at their status (domain §2.8): an active employee may go on long
 * leave, transfer or leave; one on long leave may return, transfer or leave; nothing after leaving.
 */
export const actionsFor = (status: EmployeeStatus): readonly StaffAction[] => {
  switch (status) {
    case 'active':
      return ['longLeave', 'transfer', 'leave'];
    case 'long_leave':
      return ['return', 'transfer', 'leave'];
    case 'left':
      return [];
  }
};

/** Absences whose customers are redrawn in the BU by a recorded seeded draw (ARC-72). */
export const redrawsCustomers = (action: StaffAction): boolean => action !== 'return';
