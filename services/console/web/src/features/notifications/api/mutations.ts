import { notificationsApi } from '@/shared/api/clients';
import type { Preferences, PreferencesValues } from './types';

export const markRead = async (notificationId: string): Promise<void> => {
  await notificationsApi.POST('/notifications/{notificationId}/read', {
    params: { path: { notificationId } },
  });
};

export const markAllRead = async (): Promise<void> => {
  await notificationsApi.POST('/notifications/read-all', {});
};

export const savePreferences = async (values: PreferencesValues): Promise<Preferences> => {
  const { data } = await notificationsApi.PUT('/notification-preferences/me', { body: values });
  return data as Preferences;
};

export const retryDelivery = async (notificationId: string, channel: 'email' | 'wecom' | 'dingtalk') => {
  await notificationsApi.POST('/admin/notification-deliveries/{notificationId}/{channel}/retry', {
    params: { path: { notificationId, channel } },
  });
};
