import type { components } from '@/shared/api/gen/notifications';

export type Notification = components['schemas']['NotificationDto'];
export type NotificationPage = components['schemas']['NotificationPageDto'];
export type Preferences = components['schemas']['PreferencesDto'];
export type PreferencesValues = components['schemas']['SavePreferencesDto'];
export type TroubledDelivery = components['schemas']['DeliveryDto'];
export type TroubledPage = components['schemas']['DeliveryPageDto'];
