import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import type { DeadLetter, InboxOutcome } from '@crm/messaging';

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
  /** The raw bytes of the message value, base64: exact whatever they hold (binary-safe). */
  readonly valueBase64: string | null;
  /** The value as text when it is valid UTF-8; null for binary (then only `valueBase64` shows it). */
  readonly valueText: string | null;
  /** The message as JSON when it parses, otherwise `valueText` (e.g. a poison message). */
  readonly message: unknown;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Decoding leniently would turn a binary poison message into replacement characters: lossy. */
const textOf = (value: Buffer): string | null => {
  try {
    return strictUtf8.decode(value);
  } catch {
    return null;
  }
};

const messageOf = (text: string | null): unknown => {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

export const deadLetterView = (letter: DeadLetter): DeadLetterView => {
  const text = letter.value === null ? null : textOf(letter.value);
  return {
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
    valueBase64: letter.value === null ? null : letter.value.toString('base64'),
    valueText: text,
    message: messageOf(text),
  };
};

export class DeadLetterDto implements DeadLetterView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'The consumer that parked it' }) consumer!: string;
  @ApiProperty() topic!: string;
  @ApiProperty() partition!: number;
  @ApiProperty({ example: '42', description: 'Kafka offset (decimal string)' }) offset!: string;
  @ApiProperty({ type: String, nullable: true }) key!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The event id when the message had one' })
  eventId!: string | null;
  @ApiProperty({ description: 'Why the handler failed' }) error!: string;
  @ApiProperty({ format: 'date-time' }) failedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) replayedAt!: string | null;
  @ApiProperty({
    type: String,
    format: 'byte',
    nullable: true,
    description: 'The raw bytes of the message value, base64 (binary-safe)',
  })
  valueBase64!: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The value as text when it is valid UTF-8; null for binary values',
  })
  valueText!: string | null;
  @ApiProperty({
    description: 'The message as JSON when it parses, otherwise `valueText` (a poison message)',
  })
  message!: unknown;
}

export class DeadLetterListDto {
  @ApiProperty({ type: [DeadLetterDto], description: 'Oldest first' }) items!: readonly DeadLetterDto[];
}

export class DeadLetterReplayDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({
    enum: ['processed', 'duplicate'],
    description: '`duplicate` when the message had been handled meanwhile',
  })
  outcome!: InboxOutcome;
}
