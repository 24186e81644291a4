import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLIENT_STATUSES,
  CONTACT_METHODS,
  END_REASONS,
  REGISTRY_SECTIONS,
  type ClientView,
  type DeskClientSummary,
} from '@ohjaamo/clients';

export class ClientDetailsDto {
  @ApiProperty({ type: String, nullable: true, enum: ['female', 'male', 'other', 'not_stated'] })
  gender!: string | null;

  @ApiProperty({ type: String, nullable: true })
  phone!: string | null;

  @ApiProperty({ type: String, nullable: true })
  email!: string | null;

  @ApiProperty({ enum: CONTACT_METHODS, nullable: true })
  preferredContact!: string | null;

  @ApiProperty({ description: 'Non-disclosure order (turvakielto).' })
  nonDisclosure!: boolean;

  @ApiProperty({ type: String, nullable: true })
  streetAddress!: string | null;

  @ApiProperty({ type: String, nullable: true })
  postalCode!: string | null;

  @ApiProperty({ type: String, nullable: true })
  postOffice!: string | null;

  @ApiProperty({ description: 'The code itself is read from /identity-code.' })
  hasIdentityCode!: boolean;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  responsibleWorkerId!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  endedAt!: Date | null;

  @ApiProperty({ enum: END_REASONS, nullable: true })
  endReason!: string | null;

  @ApiProperty({ format: 'uuid' })
  createdByOrganisationId!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: Date;
}

/** A client as the caller may see them: the identification, and the details if allowed. */
export class ClientDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  firstName!: string;

  @ApiProperty()
  lastName!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  birthDate!: string | null;

  @ApiProperty({ type: String, nullable: true })
  language!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Hidden from the desk when a non-disclosure order protects the client.',
  })
  municipality!: string | null;

  @ApiProperty({ enum: CLIENT_STATUSES })
  status!: string;

  @ApiProperty({ description: 'Send it back with an update (optimistic locking).' })
  version!: number;

  @ApiProperty({ enum: REGISTRY_SECTIONS, isArray: true })
  visibleSections!: string[];

  @ApiPropertyOptional({ type: ClientDetailsDto, description: 'Advisers only.' })
  details?: ClientDetailsDto;
}

export class DeskClientSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  firstName!: string;

  @ApiProperty()
  lastName!: string;

  @ApiProperty({ type: Number, nullable: true })
  birthYear!: number | null;

  @ApiProperty({ type: String, nullable: true })
  municipality!: string | null;

  @ApiProperty({ enum: CLIENT_STATUSES })
  status!: string;
}

export class ClientSearchResultDto {
  @ApiProperty({ type: [DeskClientSummaryDto], description: 'At most 20.' })
  items!: DeskClientSummaryDto[];
}

export class IdentityCodeDto {
  @ApiProperty({ type: String, nullable: true })
  identityCode!: string | null;
}

export class DuplicateCandidateDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  firstName!: string;

  @ApiProperty()
  lastName!: string;

  @ApiProperty({ type: Number, nullable: true })
  birthYear!: number | null;
}

/** The 409 answer to a create that looks like an existing client. */
export class PossibleDuplicatesDto {
  @ApiProperty({ example: 409 })
  statusCode!: number;

  @ApiProperty({ example: 'possible_duplicates' })
  error!: string;

  @ApiProperty()
  message!: string;

  @ApiProperty({ type: [DuplicateCandidateDto] })
  candidates!: DuplicateCandidateDto[];
}

export function toClientDto(view: ClientView): ClientDto {
  const dto: ClientDto = {
    id: view.id,
    firstName: view.firstName,
    lastName: view.lastName,
    birthDate: view.birthDate,
    language: view.language,
    municipality: view.municipality,
    status: view.status,
    version: view.version,
    visibleSections: [...view.visibleSections],
  };
  if (view.details) dto.details = { ...view.details };
  return dto;
}

export function toDeskClientSummaryDto(summary: DeskClientSummary): DeskClientSummaryDto {
  return { ...summary };
}
