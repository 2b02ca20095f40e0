/** Query keys from general to specific, starting with the service (console-style §2). */
export const staffKeys = {
  all: ['customers', 'staff'] as const,
  lists: () => [...staffKeys.all, 'list'] as const,
  list: (bu: string | undefined) => [...staffKeys.lists(), bu ?? null] as const,
  businessUnits: () => [...staffKeys.all, 'business-units'] as const,
};
