import { ApiProperty } from '@nestjs/swagger';
import { ALL_PERMISSIONS, ORGANISATION_KINDS, ROLES } from '@ohjaamo/identity';
import { LANGUAGES } from '@ohjaamo/platform';

export class OrganisationRefDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  kind!: string;
}

/** The caller: who they are and what this request may do. */
export class MeDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  email!: string;

  @ApiProperty({ type: () => OrganisationRefDto })
  organisation!: OrganisationRefDto;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles!: string[];

  @ApiProperty({ type: [String], format: 'uuid' })
  siteIds!: string[];

  @ApiProperty({ enum: LANGUAGES })
  language!: string;

  @ApiProperty({
    enum: ALL_PERMISSIONS,
    isArray: true,
    description: "Permissions usable in this request: the user's, narrowed to the token's scopes.",
  })
  permissions!: string[];
}
