import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';
import { IsConnectionUrl, ServiceConfig } from '@crm/nest';
import { COMPLAINTS_TOPIC } from '@crm/complaints-contracts';
import { CREDIT_TOPIC } from '@crm/credit-contracts';
import { CUSTOMERS_TOPIC } from '@crm/customers-contracts';
import { INVITATIONS_TOPIC } from '@crm/invitations-contracts';

const TOPIC = /^[a-z0-9][a-z0-9._-]*$/;

/** Environment of the notifications service on top of the platform's (see .env.example). */
export class NotificationsConfig extends ServiceConfig {
  override SCHEMA = 'notifications';

  /** Feeds the staff replica (who holds which post, their e-mail). */
  @Matches(TOPIC, { message: 'CUSTOMERS_TOPIC must be a Kafka topic name' })
  CUSTOMERS_TOPIC: string = CUSTOMERS_TOPIC;

  @Matches(TOPIC, { message: 'COMPLAINTS_TOPIC must be a Kafka topic name' })
  COMPLAINTS_TOPIC: string = COMPLAINTS_TOPIC;

  @Matches(TOPIC, { message: 'CREDIT_TOPIC must be a Kafka topic name' })
  CREDIT_TOPIC: string = CREDIT_TOPIC;

  @Matches(TOPIC, { message: 'INVITATIONS_TOPIC must be a Kafka topic name' })
  INVITATIONS_TOPIC: string = INVITATIONS_TOPIC;

  /** The outgoing mail server, e.g. `smtp://mail.example.cn:587` or `smtps://user:pass@host:465`. */
  @IsConnectionUrl(['smtp', 'smtps'])
  SMTP_URL: string = 'smtp://127.0.0.1:2525';

  @IsString()
  @IsNotEmpty()
  MAIL_FROM: string = 'CRM <crm-noreply@localhost>';

  /** The console's address people open from an e-mail or a group robot message. */
  @IsConnectionUrl(['http', 'https'])
  CONSOLE_URL: string = 'http://127.0.0.1:3000';

  /** Hosts a group-robot webhook may point at (comma-separated); anything else is refused. */
  @Matches(/^[a-z0-9.-]+(:\d+)?(,[a-z0-9.-]+(:\d+)?)*$/i, {
    message: 'WEBHOOK_HOSTS must be a comma-separated list of host names',
  })
  WEBHOOK_HOSTS: string = 'qyapi.weixin.qq.com,oapi.dingtalk.com';

  /** One attempt on one channel gives up after this long (well inside the timer lease). */
  @Max(25_000)
  @Min(100)
  @IsInt()
  @Type(() => Number)
  DELIVERY_TIMEOUT_MS: number = 10_000;

  /** After this many failed attempts a delivery is parked as failed for an administrator. */
  @Max(10)
  @Min(1)
  @IsInt()
  @Type(() => Number)
  DELIVERY_MAX_ATTEMPTS: number = 8;

  webhookHosts(): readonly string[] {
    return this.WEBHOOK_HOSTS.split(',').map((h) => h.trim().toLowerCase());
  }
}
