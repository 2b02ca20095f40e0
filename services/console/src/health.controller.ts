import { Controller, Get, Inject } from '@nestjs/common';
import { CONSOLE_CONFIG, SERVICES, type ConsoleConfig } from './config/console.config';

/** Liveness of the console, and which services answer (the web app greys out an area whose service is down). */
@Controller()
export class HealthController {
  constructor(@Inject(CONSOLE_CONFIG) private readonly config: ConsoleConfig) {}

  @Get('health')
  health() {
    return { status: 'ok' };
  }

  @Get('api/services')
  async services() {
    const checks = await Promise.all(
      SERVICES.map(async (service) => {
        try {
          const response = await fetch(`${this.config.serviceUrl(service)}/health`, {
            signal: AbortSignal.timeout(2_000),
          });
          return { service, up: response.ok };
        } catch {
          return { service, up: false };
        }
      }),
    );
    return { services: checks };
  }
}
