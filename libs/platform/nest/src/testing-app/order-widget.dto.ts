import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { CreateWidgetDto } from './create-widget.dto';

export class OrderWidgetDto extends CreateWidgetDto {
  /** How long the handler waits after its command before answering: widens the crash window. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  lingerMs?: number;
}
