import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor, CommandContext } from '@crm/event-sourcing';
import { ApiCommand, ApiRead, CLOCK, CorrelationId, CurrentActor, requestCommandId, Roles } from '@crm/nest';
import type { Clock } from '@crm/policy';
import { BU_ADMIN_ROLES, STAFF_ADMIN_ROLES, type StaffCommand } from '@crm/customers-domain';
import { StaffCommands, type StaffCommandResult } from '../application/staff-commands';
import { StaffDirectoryReader, type StaffMember } from '../projections/staff-directory.reader';
import {
  BusinessUnitDto,
  BusinessUnitOpenedDto,
  RedistributionDto,
  StaffDecisionDto,
  StaffMemberDto,
} from './staff-responses.dto';
import {
  EmployeeEmailDto,
  JoinEmployeeDto,
  OpenBusinessUnitDto,
  PostDto,
  StaffQuery,
  TransferEmployeeDto,
} from './staff.dto';

const summary = (result: StaffCommandResult) => ({
  status: result.state.status,
  recorded: result.events.map((e) => e.type),
  ...(result.redistribution !== undefined ? { redistribution: result.redistribution } : {}),
});

/** The staff directory (domain §2.8), published on Kafka for the other services. */
@ApiTags('staff')
@Controller('staff')
export class StaffController {
  constructor(
    private readonly commands: StaffCommands,
    private readonly directory: StaffDirectoryReader,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @ApiRead({
    operationId: 'listStaff',
    summary: 'Employees with BU and status (staff_directory projection)',
    response: [StaffMemberDto],
  })
  list(@Query() query: StaffQuery): Promise<StaffMember[]> {
    return this.directory.list(query.bu);
  }

  @Get('business-units')
  @ApiRead({
    operationId: 'listBusinessUnits',
    summary: 'The business units sharing the customer pool',
    response: [BusinessUnitDto],
  })
  businessUnits(): Promise<BusinessUnitDto[]> {
    return this.directory.businessUnits();
  }

  @Post('business-units')
  @Roles(...BU_ADMIN_ROLES)
  @ApiCommand({
    operationId: 'openBusinessUnit',
    summary: 'Open a business unit: it now shares the customer pool',
    response: BusinessUnitOpenedDto,
    errors: { 409: '`bu.exists`' },
  })
  async openBusinessUnit(
    @Body() body: OpenBusinessUnitDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ): Promise<BusinessUnitOpenedDto> {
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
  @ApiCommand({
    operationId: 'joinEmployee',
    summary: 'An employee joins a BU',
    response: StaffDecisionDto,
    errors: { 409: '`staff.wrong_status`: already in the directory' },
  })
  join(
    @Body() body: JoinEmployeeDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<StaffDecisionDto> {
    return this.run({ type: 'JoinEmployee', data: body }, actor, correlationId);
  }

  @Post('redistributions/:redistributionId/hand-out')
  @Roles(...STAFF_ADMIN_ROLES)
  @ApiCommand({
    operationId: 'resumeRedistribution',
    summary: 'Complete an interrupted hand-out of a recorded draw (idempotent)',
    status: 200,
    response: RedistributionDto,
    errors: { 404: '`staff.redistribution_not_found`' },
  })
  resume(
    @Param('redistributionId') id: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ): Promise<RedistributionDto> {
    const context: CommandContext = {
      actor,
      now: this.clock.now(),
      commandId: requestCommandId(),
      correlationId: c,
    };
    return this.commands.resumeRedistribution(id, context);
  }

  @Post(':employeeId/long-leave')
  @Roles(...STAFF_ADMIN_ROLES)
  @ApiCommand({
    operationId: 'startLongLeave',
    summary: "Long leave: the employee's customers are redrawn in the BU (ARC-72)",
    status: 200,
    response: StaffDecisionDto,
    errors: { 404: '`staff.not_found`' },
  })
  longLeave(
    @Param('employeeId') employeeId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ): Promise<StaffDecisionDto> {
    return this.run({ type: 'StartLongLeave', data: { employeeId } }, actor, c);
  }

  @Post(':employeeId/return')
  @Roles(...STAFF_ADMIN_ROLES)
  @ApiCommand({
    operationId: 'returnFromLeave',
    summary: 'Back from long leave',
    status: 200,
    response: StaffDecisionDto,
    errors: { 404: '`staff.not_found`' },
  })
  returned(
    @Param('employeeId') employeeId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ): Promise<StaffDecisionDto> {
    return this.run({ type: 'ReturnFromLeave', data: { employeeId } }, actor, c);
  }

  @Post(':employeeId/transfer')
  @Roles(...STAFF_ADMIN_ROLES)
  @ApiCommand({
    operationId: 'transferEmployee',
    summary: 'Transfer to another BU; the customers stay in the old BU, redrawn (ARC-72)',
    status: 200,
    response: StaffDecisionDto,
    errors: { 404: '`staff.not_found`' },
  })
  transfer(
    @Param('employeeId') employeeId: string,
    @Body() body: TransferEmployeeDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ): Promise<StaffDecisionDto> {
    return this.run({ type: 'TransferEmployee', data: { employeeId, toBu: body.toBu } }, actor, c);
  }

  @Post(':employeeId/leave')
  @Roles(...STAFF_ADMIN_ROLES)
  @ApiCommand({
    operationId: 'recordLeaving',
    summary: 'Left the company: the customers are redrawn in the BU (ARC-72)',
    status: 200,
    response: StaffDecisionDto,
    errors: { 404: '`staff.not_found`' },
  })
  leave(
    @Param('employeeId') employeeId: string,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ): Promise<StaffDecisionDto> {
    return this.run({ type: 'RecordLeaving', data: { employeeId } }, actor, c);
  }

  @Post(':employeeId/appoint')
  @Roles(...STAFF_ADMIN_ROLES)
  @ApiCommand({
    operationId: 'appointToPost',
    summary: 'Appoint to a post (a BU manager: BU posts of their own staff only)',
    status: 200,
    response: StaffDecisionDto,
    errors: {
      403: '`staff.other_bu`, `staff.post_reserved`',
      404: '`staff.not_found`',
      409: '`staff.wrong_status`: left',
    },
  })
  appoint(
    @Param('employeeId') employeeId: string,
    @Body() body: PostDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ): Promise<StaffDecisionDto> {
    return this.run({ type: 'AppointToPost', data: { employeeId, post: body.post } }, actor, c);
  }

  @Post(':employeeId/relieve')
  @Roles(...STAFF_ADMIN_ROLES)
  @ApiCommand({
    operationId: 'relieveOfPost',
    summary: 'Relieve of a post; an employee keeps at least one',
    status: 200,
    response: StaffDecisionDto,
    errors: {
      403: '`staff.other_bu`, `staff.post_reserved`',
      404: '`staff.not_found`',
      409: '`staff.wrong_status`: left',
      422: '`staff.last_post`',
    },
  })
  relieve(
    @Param('employeeId') employeeId: string,
    @Body() body: PostDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ): Promise<StaffDecisionDto> {
    return this.run({ type: 'RelieveOfPost', data: { employeeId, post: body.post } }, actor, c);
  }

  @Post(':employeeId/email')
  @Roles(...STAFF_ADMIN_ROLES)
  @ApiCommand({
    operationId: 'setEmployeeEmail',
    summary: "Set the employee's work e-mail",
    status: 200,
    response: StaffDecisionDto,
    errors: { 404: '`staff.not_found`', 409: '`staff.wrong_status`: left' },
  })
  setEmail(
    @Param('employeeId') employeeId: string,
    @Body() body: EmployeeEmailDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() c: string,
  ): Promise<StaffDecisionDto> {
    return this.run({ type: 'SetEmployeeEmail', data: { employeeId, email: body.email } }, actor, c);
  }

  private async run(command: StaffCommand, actor: Actor, correlationId: string): Promise<StaffDecisionDto> {
    const context: CommandContext = {
      actor,
      now: this.clock.now(),
      commandId: requestCommandId(),
      correlationId,
    };
    return summary(await this.commands.execute(command, context));
  }
}
