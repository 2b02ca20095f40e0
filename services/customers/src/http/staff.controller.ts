import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Actor, CommandContext } from '@crm/event-sourcing';
import { CLOCK, CorrelationId, CurrentActor, requestCommandId, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { BU_ADMIN_ROLES, STAFF_ADMIN_ROLES, type StaffCommand } from '@crm/customers-domain';
import { StaffCommands, type StaffCommandResult } from '../application/staff-commands';
import { StaffDirectoryReader, type StaffMember } from '../projections/staff-directory.reader';
import { JoinEmployeeDto, OpenBusinessUnitDto, StaffQuery, TransferEmployeeDto } from './staff.dto';

const summary = (result: StaffCommandResult) => ({
  status: result.state.status,
  recorded: result.events.map((e) => e.type),
  ...(result.redistribution !== undefined ? { redistribution: result.redistribution } : {}),
});

/** The staff directory (domain §2.8), published on Kafka for the other services. */
@ApiTags('staff')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'A repeat returns the first answer' })
@Controller('staff')
export class StaffController {
  constructor(
    private readonly commands: StaffCommands,
    private readonly directory: StaffDirectoryReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOkResponse({ description: 'Employees with BU and status (from the staff_directory projection)' })
  list(@Query() query: StaffQuery): Promise<StaffMember[]> {
    return this.directory.list(query.bu);
  }

  @Get('business-units')
  @ApiOkResponse({ description: 'The business units sharing the customer pool' })
  businessUnits() {
    return this.directory.businessUnits();
  }

  @Post('business-units')
  @Roles(...BU_ADMIN_ROLES)
  @ApiCreatedResponse({ description: 'The business unit now shares the customer pool' })
  @ApiConflictResponse({ description: 'bu.exists' })
  async openBusinessUnit(
    @Body() body: OpenBusinessUnitDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ) {
    const context: CommandContext = {
      actor,
      now: this.clock.now(),
      commandId: requestCommandId(),
      correlationId: c,
    };
    const result = await this.commands.openBusinessUnit({ type: 'OpenBusinessUnit', data: body }, context);
    return { ...result.state, recorded: result.events.map((e) => e.type) };
  }

  @Post()
  @Roles(...STAFF_ADMIN_ROLES)
  @ApiCreatedResponse({ description: 'The employee joined the BU' })
  @ApiConflictResponse({ description: 'staff.wrong_status: already in the directory' })
  join(@Body() body: JoinEmployeeDto, @CurrentActor() actor: Actor, @CorrelationId() correlationId: string) {
    return this.run({ type: 'JoinEmployee', data: body }, actor, correlationId);
  }

  @Post('redistributions/:redistributionId/hand-out')
  @HttpCode(200)
  @Roles(...STAFF_ADMIN_ROLES)
  @ApiOkResponse({ description: 'Completes an interrupted hand-out of a recorded draw (idempotent)' })
  @ApiNotFoundResponse({ description: 'staff.redistribution_not_found' })
  resume(@Param('redistributionId') id: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    const context: CommandContext = {
      actor,
      now: this.clock.now(),
      commandId: requestCommandId(),
      correlationId: c,
    };
    return this.commands.resumeRedistribution(id, context);
  }

  @Post(':employeeId/long-leave')
  @HttpCode(200)
  @Roles(...STAFF_ADMIN_ROLES)
  @ApiOkResponse({ description: "Long leave; the employee's customers are redrawn in the BU (ARC-72)" })
  @ApiNotFoundResponse({ description: 'staff.not_found' })
  longLeave(
    @Param('employeeId') employeeId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ) {
    return this.run({ type: 'StartLongLeave', data: { employeeId } }, actor, c);
  }

  @Post(':employeeId/return')
  @HttpCode(200)
  @Roles(...STAFF_ADMIN_ROLES)
  @ApiOkResponse({ description: 'Back from long leave' })
  returned(
    @Param('employeeId') employeeId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ) {
    return this.run({ type: 'ReturnFromLeave', data: { employeeId } }, actor, c);
  }

  @Post(':employeeId/transfer')
  @HttpCode(200)
  @Roles(...STAFF_ADMIN_ROLES)
  @ApiOkResponse({
    description: 'Transfer to another BU; the customers stay in the old BU, redrawn (ARC-72)',
  })
  transfer(
    @Param('employeeId') employeeId: string,
    @Body() body: TransferEmployeeDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ) {
    return this.run({ type: 'TransferEmployee', data: { employeeId, toBu: body.toBu } }, actor, c);
  }

  @Post(':employeeId/leave')
  @HttpCode(200)
  @Roles(...STAFF_ADMIN_ROLES)
  @ApiOkResponse({ description: 'Left the company; the customers are redrawn in the BU (ARC-72)' })
  leave(@Param('employeeId') employeeId: string, @CurrentActor() actor: Actor, @CorrelationId() c: string) {
    return this.run({ type: 'RecordLeaving', data: { employeeId } }, actor, c);
  }

  private async run(command: StaffCommand, actor: Actor, correlationId: string) {
    const context: CommandContext = {
      actor,
      now: this.clock.now(),
      commandId: requestCommandId(),
      correlationId,
    };
    return summary(await this.commands.execute(command, context));
  }
}
