import { ApiProperty } from '@nestjs/swagger';
import { RECORD_SECTIONS } from '@ohjaamo/consent';

export class RecordEntryDto {
  @ApiProperty({ description: 'The entry, the same across its versions' }) id!: string;
  @ApiProperty() clientId!: string;
  @ApiProperty({ enum: RECORD_SECTIONS }) section!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty() recordedAt!: Date;
  @ApiProperty() recordedByOrganisationId!: string;
  @ApiProperty() recordedByUserId!: string;
  @ApiProperty({ enum: ['own_record', 'consent'], description: 'Why the caller sees it' })
  legalBasis!: string;
  @ApiProperty({ nullable: true, type: String }) consentId!: string | null;
}

export class RecordEntryListDto {
  @ApiProperty({ type: [RecordEntryDto] }) items!: RecordEntryDto[];
}

export class SectionVisibilityDto {
  @ApiProperty({ enum: RECORD_SECTIONS }) section!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() organisationName!: string;
  @ApiProperty() entries!: number;
  @ApiProperty() visible!: boolean;
  @ApiProperty({ enum: ['own_record', 'consent'], nullable: true, type: String })
  legalBasis!: string | null;
  @ApiProperty({ nullable: true, type: String }) consentId!: string | null;
  @ApiProperty({ enum: ['role', 'no_consent'], nullable: true, type: String })
  hiddenReason!: string | null;
  @ApiProperty({ description: "A plain note for the client page, in the caller's language" })
  note!: string;
}

export class VisibilityDto {
  @ApiProperty({ type: [SectionVisibilityDto] }) items!: SectionVisibilityDto[];
}
