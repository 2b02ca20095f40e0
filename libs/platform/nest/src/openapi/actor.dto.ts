import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Actor } from '@crm/event-sourcing';

/** Who did something, as recorded in event metadata. */
export class ActorDto implements Actor {
  @ApiProperty({ example: 'e-001' }) id!: string;
  @ApiProperty({ example: 'bu_manager' }) role!: string;
  @ApiPropertyOptional({ example: 'bu-1' }) bu?: string;
  @ApiPropertyOptional() name?: string;
}
