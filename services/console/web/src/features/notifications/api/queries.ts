import { queryOptions } from '@tanstack/react-query';
import { notificationsApi } from '@/shared/api/clients';
import { notificationKeys } from './keys';
import type { NotificationPage, Preferences, TroubledPage } from './types';

/** The bell refreshes on its own: a reminder shows up without reloading the page. */
export const UNREAD_REFRESH_MS = 15_000;

export const unreadCountQuery = () =>
  queryOptions({
    queryKey: notificationKeys.unread(),
    queryFn: async () => {
      const { data } = await notificationsApi.GET('/notifications/unread-count', {});
      return (data as { unreadCount: number }).unreadCount;
    },
    refetchInterval: UNREAD_REFRESH_MS,
  });

export const notificationsQuery = (unreadOnly: boolean, page: number) =>
  queryOptions({
    queryKey: notificationKeys.list(unreadOnly, page),
    queryFn: async () => {
      const { data } = await notificationsApi.GET('/notifications', {
        params: { query: { unreadOnly, page, limit: 20 } },
      });
      return data as NotificationPage;
    },
    refetchInterval: UNREAD_REFRESH_MS,
  });

export const preferencesQuery = () =>
  queryOptions({
    queryKey: notificationKeys.preferences(),
    queryFn: async () => {
      const { data } = await notificationsApi.GET('/notification-preferences/me', {});
      return data as Preferences;
    },
  });

export const troubledDeliveriesQuery = (status: 'failing' | 'failed' | 'all', page: number) =>
  queryOptions({
    queryKey: notificationKeys.troubled(status, page),
    queryFn: async () => {
      const { data } = await notificationsApi.GET('/admin/notification-deliveries', {
        params: { query: { status, page, limit: 20 } },
      });
      return data as TroubledPage;
    },
  });
