import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import type { DeadLetter } from '@crm/messaging';

export class DeadLetterQuery {
  @ApiPropertyOptional({ description: 'Only this consumer (default: all consumers of the service)' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  consumer?: string;

  @ApiPropertyOptional({ description: 'Only letters not replayed yet (default true)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  pending?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

export interface DeadLetterView {
  readonly id: string;
  readonly consumer: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly eventId: string | null;
  readonly error: string;
  readonly failedAt: string;
  readonly replayedAt: string | null;
  /** The message as JSON when it parses, otherwise its text (e.g. a poison message). */
  readonly message: unknown;
}

const messageOf = (value: Buffer | null): unknown => {
  if (value === null) return null;
  const text = value.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

export const deadLetterView = (letter: DeadLetter): DeadLetterView => ({
  id: letter.id,
  consumer: letter.consumer,
  topic: letter.topic,
  partition: letter.partition,
  offset: letter.offset,
  key: letter.key,
  eventId: letter.eventId,
  error: letter.error,
  failedAt: letter.failedAt.toISOString(),
  replayedAt: letter.replayedAt === null ? null : letter.replayedAt.toISOString(),
  message: messageOf(letter.value),
});
