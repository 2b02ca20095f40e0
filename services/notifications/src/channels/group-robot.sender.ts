import type { DeliveryChannel } from '@crm/notifications-domain';
import type { ChannelSender, OutgoingMessage } from './outgoing-message';

/**
 * WeCom (企业微信) and DingTalk (钉钉) group robots: a markdown message POSTed to the group's
 * webhook. Both answer HTTP 200 with `errcode` 0 when they took it; anything else is a failure to
 * retry (e.g. errcode 45009 rate limit).
 */
export class GroupRobotSender implements ChannelSender {
  constructor(
    readonly channel: Extract<DeliveryChannel, 'wecom' | 'dingtalk'>,
    private readonly timeoutMs: number,
  ) {}

  async send(target: string, message: OutgoingMessage): Promise<void> {
    const text = `### ${message.title}\n\n${message.text}\n\n[${message.url}](${message.url})`;
    const body =
      this.channel === 'wecom'
        ? { msgtype: 'markdown', markdown: { content: text } }
        : { msgtype: 'markdown', markdown: { title: message.title, text } };
    const response = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const answer = (await response.json().catch(() => undefined)) as
      { errcode?: unknown; errmsg?: unknown } | undefined;
    if (!response.ok) throw new Error(`${this.channel} webhook answered HTTP ${response.status}`);
    if (answer?.errcode !== 0)
      throw new Error(
        `${this.channel} webhook refused: errcode ${String(answer?.errcode)} ${String(answer?.errmsg ?? '')}`,
      );
  }
}
