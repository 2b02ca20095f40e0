import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { StaffMember } from '../projections/staff-directory.reader';

export class StaffMemberDto implements StaffMember {
  @ApiProperty({ example: 'e-201' }) employeeId!: string;
  @ApiProperty({ example: 'bu-1' }) bu!: string;
  @ApiProperty({ example: '李雷' }) displayName!: string;
  @ApiProperty({ enum: ['active', 'long_leave', 'left'] }) status!: string;
  @ApiProperty({ type: [String], example: ['staff'], description: 'Posts held now (role names)' })
  posts!: readonly string[];
  @ApiPropertyOptional({ example: 'lilei@example.cn', description: 'Work e-mail, when recorded' })
  email?: string;
  @ApiProperty({ format: 'date-time' }) joinedAt!: string;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
}

export class BusinessUnitDto {
  @ApiProperty({ example: 'bu-2' }) buId!: string;
  @ApiProperty({ example: '二部' }) name!: string;
  @ApiProperty({ description: 'The head-office unit: owns no customers, takes no part in allocation' })
  headOffice!: boolean;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
}

export class BusinessUnitOpenedDto {
  @ApiProperty({ enum: ['unknown', 'open'] }) status!: string;
  @ApiPropertyOptional({ example: 'bu-2', description: 'Once open' }) buId?: string;
  @ApiPropertyOptional({ example: '二部', description: 'Once open' }) name?: string;
  @ApiPropertyOptional({ description: 'Once open: whether it is the head office' }) headOffice?: boolean;
  @ApiProperty({ type: [String], description: 'Types of the events recorded (empty: nothing changed)' })
  recorded!: readonly string[];
}

export class DrawnAssignmentDto {
  @ApiProperty() customerId!: string;
  @ApiProperty({ description: 'The employee drawn to take the customer over' }) employeeId!: string;
}

/** The recorded draw of an absent employee's customers among the BU's active staff (ARC-72). */
export class RedistributionDto {
  @ApiProperty({ format: 'uuid' }) redistributionId!: string;
  @ApiProperty({ description: 'The absent employee' }) employeeId!: string;
  @ApiProperty({ description: 'The BU the customers stay in' }) bu!: string;
  @ApiProperty({ example: 'long_leave' }) absence!: string;
  @ApiProperty({ description: 'Seed of the draw (derived from the command id)' }) seed!: string;
  @ApiProperty({ type: [String] }) customers!: readonly string[];
  @ApiProperty({ type: [String], description: 'Active employees drawn from' }) drawnFrom!: readonly string[];
  @ApiProperty({ type: [DrawnAssignmentDto] }) assignments!: readonly DrawnAssignmentDto[];
  @ApiProperty({ type: [String], description: 'Customers nobody could take (no active employee)' })
  undrawn!: readonly string[];
  @ApiProperty({ example: 'v1' }) policyVersion!: string;
  @ApiProperty({ format: 'date-time' }) drawnAt!: string;
  @ApiProperty() decidedBy!: string;
}

export class StaffDecisionDto {
  @ApiProperty({
    enum: ['unknown', 'active', 'long_leave', 'left'],
    description: "The employee's status now",
  })
  status!: string;
  @ApiProperty({ type: [String], description: 'Types of the events recorded (empty: nothing changed)' })
  recorded!: readonly string[];
  @ApiPropertyOptional({ type: RedistributionDto, description: "When the employee's customers were redrawn" })
  redistribution?: RedistributionDto;
}
