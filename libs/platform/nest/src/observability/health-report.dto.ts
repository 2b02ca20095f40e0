import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { HealthCheckResult, HealthReport } from './health-registry';

export class HealthCheckResultDto implements HealthCheckResult {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiProperty({ description: 'A critical check down makes the service unhealthy (503)' }) critical!: boolean;
  @ApiProperty() latencyMs!: number;
  @ApiPropertyOptional({ example: 'no answer within 2000 ms' }) error?: string;
}

@ApiExtraModels(HealthCheckResultDto)
export class HealthReportDto implements HealthReport {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(HealthCheckResultDto) },
    description: 'Check name (postgres, kafka, relay, projections…) → result',
  })
  checks!: Record<string, HealthCheckResultDto>;

  @ApiProperty({ type: [String], description: 'Non-critical checks that are down' })
  warnings!: readonly string[];
}
