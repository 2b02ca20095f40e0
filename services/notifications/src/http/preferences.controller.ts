import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@crm/event-sourcing';
import { ApiCommand, ApiRead, CLOCK, CurrentActor, ProblemException } from '@crm/nest';
import type { DeliveryPreferences } from '@crm/notifications-domain';
import type { Clock } from '@crm/policy';
import { NotificationsConfig } from '../config/notifications.config';
import { STAFF_DIRECTORY, type StaffDirectory } from '@crm/staff-replica';
import { PreferencesStore, type StoredPreferences } from '../store/preferences.store';
import { PreferencesDto, SavePreferencesDto } from './preferences.dto';
import { checkWebhook } from './webhook-url';

/** Each person chooses where their notifications go besides the centre. */
@ApiTags('notification-preferences')
@Controller('notification-preferences')
export class PreferencesController {
  constructor(
    private readonly store: PreferencesStore,
    private readonly config: NotificationsConfig,
    @Inject(STAFF_DIRECTORY) private readonly directory: StaffDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private async view(actor: Actor, stored: StoredPreferences): Promise<PreferencesDto> {
    const directoryEmail = (await this.directory.member(actor.id))?.email;
    return {
      ...stored.preferences,
      ...(directoryEmail !== undefined ? { directoryEmail } : {}),
      version: stored.version,
    };
  }

  @Get('me')
  @ApiRead({
    operationId: 'getMyNotificationPreferences',
    summary: 'Where my notifications go',
    response: PreferencesDto,
  })
  async mine(@CurrentActor() actor: Actor): Promise<PreferencesDto> {
    return this.view(actor, await this.store.of(actor.id));
  }

  @Put('me')
  @ApiCommand({
    operationId: 'saveMyNotificationPreferences',
    summary: 'Choose my channels (e-mail, WeCom and DingTalk group robots)',
    response: PreferencesDto,
    status: 200,
    errors: {
      400: 'A field is invalid: preferences.webhook_invalid, preferences.webhook_not_allowed, preferences.webhook_missing',
      409: 'preferences.version_conflict: changed meanwhile',
    },
  })
  async save(@Body() b: SavePreferencesDto, @CurrentActor() actor: Actor): Promise<PreferencesDto> {
    const hosts = this.config.webhookHosts();
    const blank = (v: string | undefined): string | undefined =>
      v === undefined || v.trim() === '' ? undefined : v.trim();
    const wecomWebhook = blank(b.wecomWebhook);
    const dingtalkWebhook = blank(b.dingtalkWebhook);
    const email = blank(b.email);
    for (const [field, enabled, url] of [
      ['wecomWebhook', b.wecomEnabled, wecomWebhook],
      ['dingtalkWebhook', b.dingtalkEnabled, dingtalkWebhook],
    ] as const) {
      if (enabled && url === undefined)
        throw new ProblemException(
          400,
          'preferences.webhook_missing',
          `${field} is needed to switch the channel on`,
          {
            field,
          },
        );
    }
    const preferences: DeliveryPreferences = {
      emailEnabled: b.emailEnabled,
      ...(email !== undefined ? { email } : {}),
      wecomEnabled: b.wecomEnabled,
      ...(wecomWebhook !== undefined
        ? { wecomWebhook: checkWebhook('wecomWebhook', wecomWebhook, hosts) }
        : {}),
      dingtalkEnabled: b.dingtalkEnabled,
      ...(dingtalkWebhook !== undefined
        ? { dingtalkWebhook: checkWebhook('dingtalkWebhook', dingtalkWebhook, hosts) }
        : {}),
    };
    return this.view(actor, await this.store.save(actor.id, preferences, b.version, this.clock.now()));
  }
}
