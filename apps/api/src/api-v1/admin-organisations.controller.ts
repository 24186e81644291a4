import { Body, Controller, Get, Patch, Post, Query, UseFilters } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type OrganisationKind, OrganisationsService } from '@ohjaamo/identity';
import { Allow } from '../auth/access.decorators';
import {
  CreateOrganisationDto,
  OrganisationDto,
  OrganisationListQueryDto,
  toOrganisationDto,
  UpdateOrganisationDto,
} from './admin-organisation.dto';
import { IdParam, InvalidIdFilter } from './id-param';

/** Agencies working in the centres, for administrators. */
@ApiTags('admin')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/admin/organisations')
export class AdminOrganisationsApiController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Allow('admin.organisations')
  @Get()
  @ApiOkResponse({ type: [OrganisationDto] })
  async list(@Query() query: OrganisationListQueryDto): Promise<OrganisationDto[]> {
    const organisations = await this.organisations.list(
      query.active === undefined ? {} : { active: query.active },
    );
    return organisations.map(toOrganisationDto);
  }

  @Allow('admin.organisations')
  @Post()
  @ApiCreatedResponse({ type: OrganisationDto })
  @ApiUnprocessableEntityResponse({ description: 'Field errors' })
  async create(@Body() body: CreateOrganisationDto): Promise<OrganisationDto> {
    return toOrganisationDto(
      await this.organisations.create({ name: body.name, kind: body.kind as OrganisationKind }),
    );
  }

  @Allow('admin.organisations')
  @Get(':id')
  @ApiOkResponse({ type: OrganisationDto })
  @ApiNotFoundResponse()
  async get(@IdParam() id: string): Promise<OrganisationDto> {
    return toOrganisationDto(await this.organisations.get(id));
  }

  @Allow('admin.organisations')
  @Patch(':id')
  @ApiOkResponse({ type: OrganisationDto })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Field errors' })
  async update(
    @IdParam() id: string,
    @Body() body: UpdateOrganisationDto,
  ): Promise<OrganisationDto> {
    return toOrganisationDto(
      await this.organisations.update(id, {
        ...body,
        kind: body.kind as OrganisationKind | undefined,
      }),
    );
  }
}
