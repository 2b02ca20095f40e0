import type { Provider, Type } from '@nestjs/common';
import { AdjustableClock, type Clock } from '@crm/policy';
import { CLOCK } from '../tokens';
import { TEST_CLOCK, TestClockController } from './test-clock.controller';

export interface ClockRegistration {
  readonly providers: Provider[];
  readonly controllers: Type<unknown>[];
}

/**
 * The process clock: under NODE_ENV=test an AdjustableClock over `base` plus its control
 * (`/test/clock`); in every other environment `base` alone and no control.
 */
export const clockRegistration = (nodeEnv: string | undefined, base: Clock): ClockRegistration => {
  if (nodeEnv !== 'test') return { providers: [{ provide: CLOCK, useValue: base }], controllers: [] };
  const clock = new AdjustableClock(base);
  return {
    providers: [
      { provide: TEST_CLOCK, useValue: clock },
      { provide: CLOCK, useValue: clock },
    ],
    controllers: [TestClockController],
  };
};
