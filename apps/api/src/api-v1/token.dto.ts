import { ApiProperty } from '@nestjs/swagger';
import { ALL_PERMISSIONS, type AccessTokenSummary } from '@ohjaamo/identity';
import { ArrayMaxSize, IsArray, IsISO8601, IsString, MaxLength } from 'class-validator';

export class CreateAccessTokenDto {
  @ApiProperty({ example: 'Monthly report script', maxLength: 100 })
  @IsString()
  @MaxLength(1000)
  name!: string;

  @ApiProperty({
    enum: ALL_PERMISSIONS,
    isArray: true,
    description: 'Permissions the token may use: a subset of those of the request that creates it.',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  scopes!: string[];

  @ApiProperty({
    type: String,
    format: 'date-time',
    description: 'In the future, at most 366 days ahead.',
  })
  @IsISO8601({ strict: true })
  expiresAt!: string;
}

/** A token as its owner sees it: never the secret or its hash. */
export class AccessTokenDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ALL_PERMISSIONS, isArray: true })
  scopes!: string[];

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  expiresAt!: Date;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt!: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: Date | null;
}

export class CreatedAccessTokenDto extends AccessTokenDto {
  @ApiProperty({
    example: 'ohj_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG',
    description: 'The secret, shown this once: send it as "Authorization: Bearer <token>".',
  })
  token!: string;
}

export function toAccessTokenDto(t: AccessTokenSummary): AccessTokenDto {
  return {
    id: t.id,
    name: t.name,
    scopes: t.scopes,
    createdAt: t.createdAt,
    expiresAt: t.expiresAt,
    lastUsedAt: t.lastUsedAt,
    revokedAt: t.revokedAt,
  };
}
