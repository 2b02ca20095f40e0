import { ApiProperty } from '@nestjs/swagger';

export class StatsGroupDto {
  @ApiProperty({ example: 'complaint', description: "The group's value ('all' for the total)" }) key!: string;
  @ApiProperty() cases!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Share closed on time, 0..1' })
  onTimeRate!: number | null;
  @ApiProperty({ type: Number, nullable: true }) meanWorkingHoursToResolve!: number | null;
  @ApiProperty({ type: Number, nullable: true }) meanSatisfaction!: number | null;
}

export class StatsDimensionsDto {
  @ApiProperty({ type: [StatsGroupDto] }) kind!: StatsGroupDto[];
  @ApiProperty({ type: [StatsGroupDto] }) cause!: StatsGroupDto[];
  @ApiProperty({ type: [StatsGroupDto] }) bu!: StatsGroupDto[];
  @ApiProperty({ type: [StatsGroupDto] }) severity!: StatsGroupDto[];
}

export class PeriodStatsDto {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive' }) to!: string;
  @ApiProperty({ type: StatsGroupDto }) total!: StatsGroupDto;
  @ApiProperty({ type: StatsDimensionsDto }) by!: StatsDimensionsDto;
}

/** A row of the case_overview table, as stored (snake_case columns). */
export class OpenCaseRowDto {
  @ApiProperty() case_id!: string;
  @ApiProperty() case_number!: string;
  @ApiProperty() kind!: string;
  @ApiProperty() customer_id!: string;
  @ApiProperty() severity!: string;
  @ApiProperty() status!: string;
  @ApiProperty() concerned_bu!: string;
  @ApiProperty({ type: String, nullable: true }) responsible_bu!: string | null;
  @ApiProperty({ type: String, nullable: true }) handler_id!: string | null;
  @ApiProperty() receiver_id!: string;
  @ApiProperty({ format: 'date-time' }) registered_at!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) due_at!: string | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty() calendar_incomplete!: boolean;
}

export class RepeatComplainantRowDto {
  @ApiProperty() customer_id!: string;
  @ApiProperty() cases!: number;
  @ApiProperty({ type: [String] }) case_numbers!: string[];
  @ApiProperty({ type: [String] }) subjects!: string[];
  @ApiProperty({ format: 'date-time' }) last_registered_at!: string;
}

export class PenaltyRowDto {
  @ApiProperty() fine_id!: string;
  @ApiProperty() case_id!: string;
  @ApiProperty() case_number!: string;
  @ApiProperty() customer_id!: string;
  @ApiProperty({ enum: ['employee', 'bu_manager'] }) payee_role!: string;
  @ApiProperty() payee_bu!: string;
  @ApiProperty({ type: String, nullable: true }) payee_employee_id!: string | null;
  @ApiProperty() amount_fen!: number;
  @ApiProperty() rule!: string;
  @ApiProperty() policy_version!: string;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'date-time' }) issued_at!: string;
}
