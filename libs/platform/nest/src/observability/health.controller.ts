import { Controller, Get, Res } from '@nestjs/common';
import { ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Public } from '../auth/public.decorator';
import { ApiRead } from '../openapi/api-operation';
import { HealthReportDto } from './health-report.dto';
import { HealthRegistry } from './health-registry';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthRegistry) {}

  @Get()
  @ApiRead({
    operationId: 'checkHealth',
    summary: 'Health of the service and what it depends on',
    response: HealthReportDto,
    responseDescription: 'Every critical check is up',
    public: true,
  })
  @ApiServiceUnavailableResponse({ type: HealthReportDto, description: 'A critical check is down' })
  async check(@Res() response: ServerResponse): Promise<void> {
    const report = await this.health.check();
    response.statusCode = report.status === 'ok' ? 200 : 503;
    response.setHeader('Content-Type', 'application/json; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    response.end(JSON.stringify(report));
  }
}
