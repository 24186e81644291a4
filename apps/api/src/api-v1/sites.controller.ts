import { Controller, Get, UseFilters } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { helsinkiWeekday, SitesService } from '@ohjaamo/identity';
import { helsinkiDate } from '@ohjaamo/platform';
import { Allow } from '../auth/access.decorators';
import { AgenciesTodayDto } from './admin-site.dto';
import { IdParam, InvalidIdFilter } from './id-param';

/** Site information every member of staff may read. */
@ApiTags('sites')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/sites')
export class SitesApiController {
  constructor(private readonly sites: SitesService) {}

  /** The agencies present at the site today (Helsinki calendar day), from its weekly calendar. */
  @Allow('sites.read')
  @Get(':id/agencies-today')
  @ApiOkResponse({ type: AgenciesTodayDto })
  @ApiNotFoundResponse()
  async agenciesToday(@IdParam() id: string): Promise<AgenciesTodayDto> {
    await this.sites.get(id);
    const now = new Date();
    const agencies = await this.sites.agenciesPresentOn(id, now);
    return { siteId: id, date: helsinkiDate(now), weekday: helsinkiWeekday(now), agencies };
  }
}
