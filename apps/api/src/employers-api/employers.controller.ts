import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Put,
  Req,
  UseFilters,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { EmployersService } from '@ohjaamo/employers';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import {
  EmployerDto,
  EmployerFieldsDto,
  EmployerListDto,
  UpdateEmployerDto,
  VacancyDto,
  VacancyFieldsDto,
} from './employer.dto';

/** Employers with their contact persons, and their vacancies and other opportunities. */
@ApiTags('employers')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/employers')
export class EmployersApiController {
  constructor(private readonly employers: EmployersService) {}

  @Allow('employers.manage')
  @Get()
  @ApiOkResponse({ type: EmployerListDto })
  async list(): Promise<EmployerListDto> {
    return { items: await this.employers.list() };
  }

  @Allow('employers.manage')
  @Post()
  @ApiCreatedResponse({ type: EmployerDto })
  @ApiUnprocessableEntityResponse({
    description: 'Field errors (e.g. businessIdInvalid, businessIdTaken); nothing was saved',
  })
  create(@Req() req: AuthedRequest, @Body() body: EmployerFieldsDto): Promise<EmployerDto> {
    return this.employers.create(req.auth!.actor, body);
  }

  @Allow('employers.manage')
  @Get(':id')
  @ApiOkResponse({ type: EmployerDto })
  @ApiNotFoundResponse()
  get(@IdParam() id: string): Promise<EmployerDto> {
    return this.employers.get(id);
  }

  @Allow('employers.manage')
  @Put(':id')
  @ApiOkResponse({ type: EmployerDto })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'error "employer_version_conflict"; nothing was saved' })
  @ApiUnprocessableEntityResponse({ description: 'Field errors; nothing was saved' })
  update(@IdParam() id: string, @Body() body: UpdateEmployerDto): Promise<EmployerDto> {
    const { version, ...fields } = body;
    return this.employers.update(id, version, fields);
  }

  @Allow('employers.manage')
  @Post(':id/vacancies')
  @ApiCreatedResponse({ type: VacancyDto })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Field errors (e.g. closesBeforeOpens)' })
  addVacancy(@IdParam() id: string, @Body() body: VacancyFieldsDto): Promise<VacancyDto> {
    return this.employers.addVacancy(id, body);
  }

  @Allow('employers.manage')
  @Delete(':id/vacancies/:vacancyId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async removeVacancy(
    @IdParam() id: string,
    @IdParam('vacancyId') vacancyId: string,
  ): Promise<void> {
    await this.employers.removeVacancy(id, vacancyId);
  }
}
