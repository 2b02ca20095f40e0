import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { STAFF_POSTS } from '@crm/customers-domain';

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

  @ApiPropertyOptional({
    enum: STAFF_POSTS,
    isArray: true,
    example: ['staff'],
    description: "Posts held on joining (default ['staff'])",
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'posts must name at least one post' })
  @ArrayMaxSize(STAFF_POSTS.length)
  @IsIn(STAFF_POSTS, { each: true, message: `each post must be one of ${STAFF_POSTS.join(', ')}` })
  posts?: string[];

  @ApiPropertyOptional({ example: 'lilei@example.cn', description: 'Work e-mail' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;
}

export class PostDto {
  @ApiProperty({ enum: STAFF_POSTS, example: 'cs_agent' })
  @IsIn(STAFF_POSTS, { message: `post must be one of ${STAFF_POSTS.join(', ')}` })
  post!: string;
}

export class EmployeeEmailDto {
  @ApiProperty({ example: 'lilei@example.cn' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;
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

  @ApiPropertyOptional({
    description: 'The head-office unit (总部): owns no customers, takes no part in allocation',
  })
  @IsOptional()
  @IsBoolean()
  headOffice?: boolean;
}
