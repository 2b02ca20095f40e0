import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { Public } from '../auth/public.decorator';
import { Metrics } from './metrics';

@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: Metrics) {}

  @Get()
  async scrape(@Res() response: ServerResponse): Promise<void> {
    const body = await this.metrics.render();
    response.statusCode = 200;
    response.setHeader('Content-Type', this.metrics.contentType());
    response.setHeader('Cache-Control', 'no-store');
    response.end(body);
  }
}
