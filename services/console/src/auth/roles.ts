/** The roles the services know (domain §1); the dev sign-in offers exactly these. */
export const ROLES = [
  'staff',
  'bu_manager',
  'crm_clerk',
  'coordinator',
  'resource_director',
  'gm',
  'cs_agent',
  'cs_manager',
  'account_supervisor',
  'marketing_manager',
  'credit_controller',
  'marketing_vp',
  'cfo',
  'chairman',
  'auditor',
  'analyst',
  'admin',
] as const;

/** Signs in while the directory is empty, to open the first BUs and add the first people. */
export const BOOTSTRAP_ADMIN = { employeeId: 'admin', name: '系统管理员', roles: ['admin', 'gm'] } as const;
