import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

export class JoinEmployeeDto {
  @ApiProperty({ example: 'e-201' })
  @Matches(ID, { message: 'employeeId must be 1-100 letters, digits, ".", "_", ":" or "-"' })
  employeeId!: string;

  @ApiProperty({ example: 'bu-2' })
  @Matches(ID, { message: 'bu must be 1-100 letters, digits, ".", "_", ":" or "-"' })
  bu!: string;

  @ApiProperty({ example: '李雷' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  displayName!: string;
}

export class TransferEmployeeDto {
  @ApiProperty({ example: 'bu-3' })
  @Matches(ID, { message: 'toBu must be 1-100 letters, digits, ".", "_", ":" or "-"' })
  toBu!: string;
}

export class StaffQuery {
  @ApiPropertyOptional({ example: 'bu-1', description: 'Only this BU' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  bu?: string;
}

export class OpenBusinessUnitDto {
  @ApiProperty({ example: 'bu-2' })
  @Matches(ID, { message: 'buId must be 1-100 letters, digits, ".", "_", ":" or "-"' })
  buId!: string;

  @ApiProperty({ example: '二部' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;
}
