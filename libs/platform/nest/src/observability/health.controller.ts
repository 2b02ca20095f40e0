import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Public } from '../auth/public.decorator';
import { HealthRegistry } from './health-registry';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthRegistry) {}

  @Get()
  @ApiOkResponse({ description: "Every critical check is up: { status: 'ok', checks, warnings }" })
  @ApiServiceUnavailableResponse({
    description: "A critical check is down: { status: 'error', checks, warnings }",
  })
  async check(@Res() response: ServerResponse): Promise<void> {
    const report = await this.health.check();
    response.statusCode = report.status === 'ok' ? 200 : 503;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    response.end(JSON.stringify(report));
  }
}
