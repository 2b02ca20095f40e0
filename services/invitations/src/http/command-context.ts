import { BadRequestException, type PipeTransform } from '@nestjs/common';
import type { Actor, CommandContext } from '@crm/event-sourcing';
import type { Clock } from '@crm/policy';
import { requestCommandId } from '@crm/nest';

export const commandContext = (clock: Clock, actor: Actor, correlationId: string): CommandContext => ({
  actor,
  now: clock.now(),
  commandId: requestCommandId(),
  correlationId,
});

const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

/** Ids in paths: letters, digits, `-` and `_` (uuids and the customers service's ids); 400 otherwise. */
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID.test(value)) throw new BadRequestException(`'${value.slice(0, 40)}' is not a valid id`);
    return value;
  }
}

/** A day `YYYY-MM-DD` in a path; 400 otherwise. */
export class ParseDayPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new BadRequestException('day must be YYYY-MM-DD');
    return value;
  }
}

export const asOfDate = (asOf: string | undefined): Date | undefined =>
  asOf === undefined ? undefined : new Date(asOf);
