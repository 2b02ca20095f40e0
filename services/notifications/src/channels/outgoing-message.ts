import type { DeliveryChannel } from '@crm/notifications-domain';

/** One notification rendered for a channel: Chinese first, English second, with the console link. */
export type OutgoingMessage = {
  readonly notificationId: string;
  readonly title: string;
  readonly text: string;
  readonly url: string;
};

/** Sends one message to one target; throws (naming the cause) when the channel did not take it. */
export interface ChannelSender {
  readonly channel: DeliveryChannel;
  send(target: string, message: OutgoingMessage): Promise<void>;
}
