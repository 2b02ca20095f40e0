/** Query keys from general to specific, starting with the service (console-style §2). */
export const notificationKeys = {
  all: ['notifications'] as const,
  lists: () => [...notificationKeys.all, 'list'] as const,
  list: (unreadOnly: boolean, page: number) => [...notificationKeys.lists(), { unreadOnly, page }] as const,
  unread: () => [...notificationKeys.all, 'unread-count'] as const,
  preferences: () => [...notificationKeys.all, 'preferences'] as const,
  troubled: (status: string, page: number) =>
    [...notificationKeys.all, 'troubled', { status, page }] as const,
};
