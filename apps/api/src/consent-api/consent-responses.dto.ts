import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSENT_STATUSES, type ConsentView } from '@ohjaamo/consent';
import { ConsentScopeDto } from './consent-requests.dto';

export class ConsentStatusChangeDto {
  @ApiProperty({ enum: CONSENT_STATUSES, nullable: true, type: String })
  from!: string | null;
  @ApiProperty({ enum: CONSENT_STATUSES })
  to!: string;
  @ApiProperty()
  at!: Date;
  @ApiProperty({ nullable: true, type: String })
  byUserId!: string | null;
  @ApiProperty({ nullable: true, type: String })
  reason!: string | null;
}

export class ConsentEvidenceDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['application/pdf', 'image/png', 'image/jpeg'] }) mimeType!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty({ description: 'Hex SHA-256 of the content' }) sha256!: string;
  @ApiProperty() uploadedAt!: Date;
}

export class ConsentDto extends ConsentScopeDto {
  @ApiProperty() id!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({
    enum: CONSENT_STATUSES,
    description: 'A given consent past its last day reads expired',
  })
  status!: string;
  @ApiProperty({ description: 'Given and within its period today (Helsinki)' })
  active!: boolean;
  @ApiProperty() recordedByUserId!: string;
  @ApiProperty() recordedByOrganisationId!: string;
  @ApiProperty({ nullable: true, type: String }) replacesConsentId!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiPropertyOptional({ type: [ConsentStatusChangeDto] }) history?: ConsentStatusChangeDto[];
  @ApiPropertyOptional({ type: [ConsentEvidenceDto] }) evidence?: ConsentEvidenceDto[];
}

export class ConsentListDto {
  @ApiProperty({ type: [ConsentDto] }) items!: ConsentDto[];
}

export function toConsentDto(view: ConsentView): ConsentDto {
  return view;
}
