import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import {
  AccountBookOutlined,
  AlertOutlined,
  AuditOutlined,
  BankOutlined,
  BellOutlined,
  SettingOutlined,
  WarningOutlined,
  CalendarOutlined,
  FileTextOutlined,
  ExclamationCircleOutlined,
  MoneyCollectOutlined,
  InboxOutlined,
  CustomerServiceOutlined,
  ScheduleOutlined,
  SearchOutlined,
  TeamOutlined,
  UserAddOutlined,
  UserOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import type { AccessFlag } from '@/shared/auth/access';

export interface RouteEntry {
  readonly path: string;
  /** common:menu.<key>; absent for pages reached by links only. */
  readonly menuKey?: string;
  readonly icon?: ReactNode;
  readonly access?: AccessFlag;
  readonly page: LazyExoticComponent<ComponentType>;
}

/** Every page of the console, its menu entry and the flag that guards it (console-style §3). */
export const ROUTES: readonly RouteEntry[] = [
  { path: '/', menuKey: 'inbox', icon: <InboxOutlined />, page: lazy(() => import('./inbox-page')) },
  {
    path: '/approvals',
    menuKey: 'approvals',
    icon: <AuditOutlined />,
    access: 'canSeeApprovals',
    page: lazy(() => import('./approvals/approvals-page')),
  },
  {
    path: '/customers',
    menuKey: 'customerList',
    icon: <UserOutlined />,
    access: 'canSeeCustomers',
    page: lazy(() => import('./customers/customer-list-page')),
  },
  {
    path: '/customers/new',
    menuKey: 'registerCustomer',
    icon: <UserAddOutlined />,
    access: 'canRegisterCustomer',
    page: lazy(() => import('./customers/register-customer-page')),
  },
  {
    path: '/customers/search',
    menuKey: 'search',
    icon: <SearchOutlined />,
    access: 'canSeeCustomers',
    page: lazy(() => import('./customers/customer-search-page')),
  },
  {
    path: '/customers/lapse-watch',
    menuKey: 'lapseWatch',
    icon: <AlertOutlined />,
    access: 'canSeeLapseWatch',
    page: lazy(() => import('./customers/lapse-watch-page')),
  },
  {
    path: '/customers/lapsed',
    menuKey: 'lapsed',
    icon: <UserSwitchOutlined />,
    access: 'canReassignLapsed',
    page: lazy(() => import('./customers/lapsed-queue-page')),
  },
  {
    path: '/customers/:customerId',
    access: 'canSeeCustomers',
    page: lazy(() => import('./customers/customer-page')),
  },
  // Outreach batches and staff
  {
    path: '/outreach',
    menuKey: 'outreach',
    icon: <FileTextOutlined />,
    access: 'canSeeBatches',
    page: lazy(() => import('./outreach/outreach-batches-page')),
  },
  {
    path: '/outreach/:batchId',
    access: 'canSeeBatches',
    page: lazy(() => import('./outreach/outreach-batch-page')),
  },
  {
    path: '/staff',
    menuKey: 'staff',
    icon: <TeamOutlined />,
    access: 'canManageStaff',
    page: lazy(() => import('./staff/staff-page')),
  },
  // Joint events
  {
    path: '/invitations/events',
    menuKey: 'events',
    icon: <CalendarOutlined />,
    access: 'canSeeInvitations',
    page: lazy(() => import('./invitations/events-page')),
  },
  {
    path: '/invitations/events/:jointEventId',
    access: 'canSeeInvitations',
    page: lazy(() => import('./invitations/event-page')),
  },
  {
    path: '/invitations/events/:jointEventId/:section',
    access: 'canSeeInvitations',
    page: lazy(() => import('./invitations/event-page')),
  },
  {
    path: '/invitations/conflicts',
    menuKey: 'conflicts',
    icon: <ExclamationCircleOutlined />,
    access: 'canRuleConflicts',
    page: lazy(() => import('./invitations/conflicts-page')),
  },
  {
    path: '/invitations/fines',
    menuKey: 'fines',
    icon: <MoneyCollectOutlined />,
    access: 'canSeeFines',
    page: lazy(() => import('./invitations/fines-page')),
  },
  // Complaints desk
  {
    path: '/complaints',
    menuKey: 'complaints',
    icon: <CustomerServiceOutlined />,
    access: 'canWorkComplaints',
    page: lazy(() => import('./complaints/case-queue-page')),
  },
  {
    path: '/complaints/calendar',
    menuKey: 'workingCalendar',
    icon: <ScheduleOutlined />,
    access: 'canSeeCalendar',
    page: lazy(() => import('./complaints/calendar-page')),
  },
  {
    path: '/complaints/:caseId',
    access: 'canWorkComplaints',
    page: lazy(() => import('./complaints/case-page')),
  },
  // Credit desk
  {
    path: '/credit/accounts',
    menuKey: 'creditAccounts',
    icon: <BankOutlined />,
    access: 'canSeeCredit',
    page: lazy(() => import('./credit/credit-accounts-page')),
  },
  {
    path: '/credit/accounts/:accountId',
    access: 'canSeeCredit',
    page: lazy(() => import('./credit/credit-account-page')),
  },
  {
    path: '/credit/accounts/:accountId/holds/:orderId',
    access: 'canSeeCredit',
    page: lazy(() => import('./credit/credit-account-page')),
  },
  // Notifications: everyone's centre and settings; failing deliveries for administrators
  {
    path: '/notifications',
    menuKey: 'notifications',
    icon: <BellOutlined />,
    page: lazy(() => import('./notifications/notifications-page')),
  },
  {
    path: '/notifications/preferences',
    menuKey: 'notificationPreferences',
    icon: <SettingOutlined />,
    page: lazy(() => import('./notifications/notification-preferences-page')),
  },
  {
    path: '/notifications/deliveries',
    menuKey: 'notificationDeliveries',
    icon: <WarningOutlined />,
    access: 'canSeeFailingDeliveries',
    page: lazy(() => import('./notifications/notification-deliveries-page')),
  },
  // The company's penalty ledger (issue 11 §5)
  {
    path: '/penalties/fines',
    menuKey: 'penaltyLedger',
    icon: <AccountBookOutlined />,
    access: 'canSeePenaltyLedger',
    page: lazy(() => import('./penalties/fines-page')),
  },
  {
    path: '/penalties/fines/:fineId',
    access: 'canSeePenaltyLedger',
    page: lazy(() => import('./penalties/fine-page')),
  },
];
