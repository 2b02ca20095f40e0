import { Controller, Get, Res } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Public } from '../auth/public.decorator';
import { ApiRead } from '../openapi/api-operation';
import { HealthReportDto } from './health-report.dto';
import { HealthRegistry, type HealthReport } from './health-registry';

const send = (response: ServerResponse, report: HealthReport): void => {
  response.statusCode = report.status === 'ok' ? 200 : 503;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(JSON.stringify(report));
};

/**
 * Liveness and readiness apart (docs/reliability.md, "Health"): a restart cures neither a database
 * outage nor a lagging projection, so only readiness looks at them; `/health` stays readiness for
 * the scripts and probes that used it before the split.
 */
@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(private readonly health: HealthRegistry) {}

  @Get('live')
  @ApiRead({
    operationId: 'checkLiveness',
    summary: 'Liveness: the process answers (restart it when this fails)',
    response: HealthReportDto,
    responseDescription: 'The process answers',
    public: true,
  })
  live(@Res() response: ServerResponse): void {
    send(response, {
      status: 'ok',
      checks: {
        process: {
          status: 'up',
          critical: true,
          latencyMs: 0,
          details: { uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000) },
        },
      },
      warnings: [],
    });
  }

  @Get('ready')
  @ApiRead({
    operationId: 'checkReadiness',
    summary: 'Readiness: dependencies up, event log moving, relay, projections and consumers current',
    response: HealthReportDto,
    responseDescription: 'Every critical check is up',
    public: true,
  })
  @ApiServiceUnavailableResponse({
    type: HealthReportDto,
    description: 'Not ready: each failing check says why (lag, crash, stalled log and its holder)',
  })
  async ready(@Res() response: ServerResponse): Promise<void> {
    send(response, await this.health.check());
  }

  @Get()
  @ApiRead({
    operationId: 'checkHealth',
    summary: 'Same as /health/ready (kept for existing scripts and probes)',
    response: HealthReportDto,
    responseDescription: 'Every critical check is up',
    public: true,
  })
  @ApiServiceUnavailableResponse({ type: HealthReportDto, description: 'A critical check is down' })
  async check(@Res() response: ServerResponse): Promise<void> {
    send(response, await this.health.check());
  }
}
