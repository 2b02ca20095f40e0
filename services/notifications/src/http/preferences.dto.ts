import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsEmail, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export class PreferencesDto {
  @ApiProperty({ description: 'E-mail on (default on)' }) emailEnabled!: boolean;
  @ApiPropertyOptional({ description: 'Overrides the work e-mail of the staff directory' }) email?: string;
  @ApiProperty() wecomEnabled!: boolean;
  @ApiPropertyOptional({ example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' })
  wecomWebhook?: string;
  @ApiProperty() dingtalkEnabled!: boolean;
  @ApiPropertyOptional({ example: 'https://oapi.dingtalk.com/robot/send?access_token=…' })
  dingtalkWebhook?: string;
  @ApiPropertyOptional({ description: 'The work e-mail the staff directory has (read only)' })
  directoryEmail?: string;
  @ApiProperty({ description: 'Send it back when saving; 0 = never saved (defaults)' }) version!: number;
}

export class SavePreferencesDto {
  @ApiProperty() @IsBoolean() emailEnabled!: boolean;

  @ApiPropertyOptional({ description: 'Empty or absent: the directory’s work e-mail' })
  @IsOptional()
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiProperty() @IsBoolean() wecomEnabled!: boolean;

  @ApiPropertyOptional({ description: 'A WeCom group robot webhook (https, allowed host)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  wecomWebhook?: string;

  @ApiProperty() @IsBoolean() dingtalkEnabled!: boolean;

  @ApiPropertyOptional({ description: 'A DingTalk group robot webhook (https, allowed host)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  dingtalkWebhook?: string;

  @ApiProperty({ description: 'The version read; a change made meanwhile is refused (409)' })
  @IsInt()
  @Min(0)
  version!: number;
}
