import { Body, Controller, Delete, Get, HttpCode, Inject, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AdjustableClock } from '@crm/policy';
import { Roles } from '../auth/roles.decorator';
import { PLATFORM_CONFIG } from '../tokens';
import type { PlatformConfig } from '../config/platform-config';
import { TimerRunner } from '../timers/timer-runner';
import { SetTestClockDto, TestClockDto } from './test-clock.dto';

export const TEST_CLOCK = Symbol('TEST_CLOCK');

/**
 * Moves this process's clock for cross-process tests (a browser test makes a list late without
 * waiting for 18:00). Timers read the same clock, so moving it past a due time fires them.
 * Exists only under NODE_ENV=test: it refuses to be built in any other environment.
 */
@ApiTags('test')
@ApiBearerAuth()
@ApiForbiddenResponse({ description: 'admin only (problem+json)' })
@Roles('admin')
@Controller('test/clock')
export class TestClockController {
  constructor(
    @Inject(TEST_CLOCK) private readonly clock: AdjustableClock,
    @Inject(PLATFORM_CONFIG) config: PlatformConfig,
    private readonly timers: TimerRunner,
  ) {
    assertTestEnvironment(config.NODE_ENV);
  }

  @Get()
  @ApiOperation({ summary: "This process's clock", operationId: 'getTestClock' })
  @ApiOkResponse({ type: TestClockDto })
  get(): TestClockDto {
    return this.view();
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Set the clock to an instant; it keeps ticking from there',
    operationId: 'setTestClock',
  })
  @ApiOkResponse({ type: TestClockDto })
  @ApiBadRequestResponse({ description: '`now` is not an ISO 8601 instant (problem+json)' })
  set(@Body() body: SetTestClockDto): TestClockDto {
    this.clock.set(body.now);
    this.timers.pollNow();
    return this.view();
  }

  @Delete()
  @ApiOperation({ summary: 'Back to the real clock', operationId: 'resetTestClock' })
  @ApiOkResponse({ type: TestClockDto })
  reset(): TestClockDto {
    this.clock.reset();
    return this.view();
  }

  private view(): TestClockDto {
    return { now: this.clock.now().toISOString(), offsetMs: this.clock.offset };
  }
}

/** The control must never exist in development or production: a moved clock forges every timestamp. */
export const assertTestEnvironment = (nodeEnv: string | undefined): void => {
  if (nodeEnv !== 'test') {
    throw new Error(`the test clock control is only available with NODE_ENV=test (NODE_ENV is '${nodeEnv}')`);
  }
};
