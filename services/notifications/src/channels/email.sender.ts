import { createTransport, type Transporter } from 'nodemailer';
import type { ChannelSender, OutgoingMessage } from './outgoing-message';

/**
 * E-mail over SMTP. The Message-ID derives from the notification, so in the rare case of a resend
 * after a crash between the server's acceptance and our record of it, mail clients show one message.
 */
export class EmailSender implements ChannelSender {
  readonly channel = 'email' as const;
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
    timeoutMs: number,
  ) {
    const url = new URL(smtpUrl);
    const secure = url.protocol === 'smtps:';
    this.transport = createTransport({
      host: url.hostname,
      port: url.port !== '' ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(url.username !== ''
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async send(target: string, message: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: target,
      subject: message.title,
      text: `${message.text}\n\n${message.url}`,
      messageId: `<${message.notificationId}.email@crm.notifications>`,
    });
  }

  close(): void {
    this.transport.close();
  }
}
