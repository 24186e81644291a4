import { Body, Controller, Get, Patch, Post, Put, Query, UseFilters } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { SitesService } from '@ohjaamo/identity';
import { Allow } from '../auth/access.decorators';
import {
  CreateSiteDto,
  SiteCalendarDto,
  SiteDto,
  SiteListQueryDto,
  toCalendarDto,
  toSiteDto,
  UpdateSiteDto,
} from './admin-site.dto';
import { IdParam, InvalidIdFilter } from './id-param';

/** Ohjaamo locations, their opening hours and weekly agency calendar, for administrators. */
@ApiTags('admin')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/admin/sites')
export class AdminSitesApiController {
  constructor(private readonly sites: SitesService) {}

  @Allow('admin.sites')
  @Get()
  @ApiOkResponse({ type: [SiteDto] })
  async list(@Query() query: SiteListQueryDto): Promise<SiteDto[]> {
    const sites = await this.sites.list(query.active === undefined ? {} : { active: query.active });
    return sites.map(toSiteDto);
  }

  @Allow('admin.sites')
  @Post()
  @ApiCreatedResponse({ type: SiteDto })
  @ApiUnprocessableEntityResponse({ description: 'Field errors' })
  async create(@Body() body: CreateSiteDto): Promise<SiteDto> {
    return toSiteDto(await this.sites.create(body));
  }

  @Allow('admin.sites')
  @Get(':id')
  @ApiOkResponse({ type: SiteDto })
  @ApiNotFoundResponse()
  async get(@IdParam() id: string): Promise<SiteDto> {
    return toSiteDto(await this.sites.get(id));
  }

  @Allow('admin.sites')
  @Patch(':id')
  @ApiOkResponse({ type: SiteDto })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Field errors' })
  async update(@IdParam() id: string, @Body() body: UpdateSiteDto): Promise<SiteDto> {
    return toSiteDto(await this.sites.update(id, body));
  }

  @Allow('admin.sites')
  @Get(':id/calendar')
  @ApiOkResponse({ type: SiteCalendarDto })
  @ApiNotFoundResponse()
  async calendar(@IdParam() id: string): Promise<SiteCalendarDto> {
    await this.sites.get(id);
    return toCalendarDto(await this.sites.calendar(id));
  }

  @Allow('admin.sites')
  @Put(':id/calendar')
  @ApiOkResponse({ type: SiteCalendarDto })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Field errors' })
  async setCalendar(
    @IdParam() id: string,
    @Body() body: SiteCalendarDto,
  ): Promise<SiteCalendarDto> {
    return toCalendarDto(await this.sites.setCalendar(id, body.entries));
  }
}
