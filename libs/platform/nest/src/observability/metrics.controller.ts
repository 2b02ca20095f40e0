import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Public } from '../auth/public.decorator';
import { ApiRead } from '../openapi/api-operation';
import { Metrics } from './metrics';

@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  @ApiRead({
    operationId: 'scrapeMetrics',
    summary: 'Prometheus metrics of the service',
    response: {
      mediaType: 'text/plain',
      schema: { type: 'string', description: 'Prometheus text format 0.0.4' },
    },
    public: true,
  })
  async scrape(@Res() response: ServerResponse): Promise<void> {
    const body = await this.metrics.render();
    response.statusCode = 200;
    response.setHeader('Content-Type', this.metrics.contentType());
    response.setHeader('Cache-Control', 'no-store');
    response.end(body);
  }
}
