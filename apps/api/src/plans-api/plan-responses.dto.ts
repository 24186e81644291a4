import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTION_STATUSES, PLAN_TYPES } from '@ohjaamo/plans';
import { PlanActionDto, PlanParticipantDto } from './plan-requests.dto';

export class ParticipantDto extends PlanParticipantDto {
  @ApiProperty({ nullable: true, description: 'Name of the staff member or agency' })
  name!: string | null;
}

export class PlanActionResponseDto extends PlanActionDto {
  @ApiProperty({ enum: ACTION_STATUSES })
  declare status: string;
}

export class PlanDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) clientId!: string;
  @ApiProperty({ enum: PLAN_TYPES }) type!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiPropertyOptional({ format: 'date', nullable: true }) reviewDate!: string | null;
  @ApiProperty({ type: [String] }) goals!: string[];
  @ApiProperty({ type: [PlanActionResponseDto] }) actions!: PlanActionResponseDto[];
  @ApiProperty({ nullable: true }) concern!: string | null;
  @ApiProperty({ nullable: true }) ifAgreementsNotKept!: string | null;
  @ApiProperty({ type: [ParticipantDto] }) participants!: ParticipantDto[];
  @ApiProperty({ description: 'Send back with the next save' }) version!: number;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty({ format: 'uuid' }) updatedByUserId!: string;
}

export class PlanSnapshotDto {
  @ApiProperty({ enum: PLAN_TYPES }) type!: string;
  @ApiProperty({ format: 'date' }) startDate!: string;
  @ApiPropertyOptional({ format: 'date', nullable: true }) reviewDate!: string | null;
  @ApiProperty({ type: [String] }) goals!: string[];
  @ApiProperty({ type: [PlanActionDto] }) actions!: PlanActionDto[];
  @ApiProperty({ nullable: true }) concern!: string | null;
  @ApiProperty({ nullable: true }) ifAgreementsNotKept!: string | null;
  @ApiProperty({ type: [PlanParticipantDto] }) participants!: PlanParticipantDto[];
}

export class PlanVersionDto {
  @ApiProperty() version!: number;
  @ApiProperty() savedAt!: Date;
  @ApiProperty({ format: 'uuid' }) savedByUserId!: string;
  @ApiProperty({ format: 'uuid' }) savedByOrganisationId!: string;
  @ApiProperty({ type: PlanSnapshotDto }) plan!: PlanSnapshotDto;
}

export class PlanVersionListDto {
  @ApiProperty({ type: [PlanVersionDto], description: 'Newest first' })
  items!: PlanVersionDto[];
}
