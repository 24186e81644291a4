import { Body, Controller, Get, Post, Req, UseFilters } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { SelfAssessmentsService } from '@ohjaamo/plans';
import { IdParam, InvalidIdFilter } from '../api-v1/id-param';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import {
  LifeAreaListDto,
  RecordSelfAssessmentDto,
  SelfAssessmentDto,
  SelfAssessmentListDto,
  SelfAssessmentTrendDto,
} from './self-assessment.dto';

/** Self-assessments of a client's life areas; the first one is the baseline. */
@ApiTags('plans')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/clients/:id/self-assessments')
export class SelfAssessmentsApiController {
  constructor(private readonly assessments: SelfAssessmentsService) {}

  @Allow('plans.read')
  @Get()
  @ApiOkResponse({ type: SelfAssessmentListDto })
  @ApiNotFoundResponse()
  async list(@Req() req: AuthedRequest, @IdParam() id: string): Promise<SelfAssessmentListDto> {
    return { items: await this.assessments.list(req.auth!.actor, id) };
  }

  @Allow('plans.write')
  @Post()
  @ApiCreatedResponse({ type: SelfAssessmentDto })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({
    description: 'Scores outside 1-10 or unknown life areas; nothing was saved',
  })
  async record(
    @Req() req: AuthedRequest,
    @IdParam() id: string,
    @Body() body: RecordSelfAssessmentDto,
  ): Promise<SelfAssessmentDto> {
    return this.assessments.record(req.auth!.actor, id, body);
  }

  @Allow('plans.read')
  @Get('trend')
  @ApiOkResponse({
    type: SelfAssessmentTrendDto,
    description: 'Per area: baseline, latest, change',
  })
  @ApiNotFoundResponse()
  async trend(@Req() req: AuthedRequest, @IdParam() id: string): Promise<SelfAssessmentTrendDto> {
    return { areas: await this.assessments.trend(req.auth!.actor, id) };
  }
}

/** The configurable life areas, with labels in the three languages. */
@ApiTags('plans')
@Controller('api/v1/life-areas')
export class LifeAreasApiController {
  constructor(private readonly assessments: SelfAssessmentsService) {}

  @Allow('plans.read')
  @Get()
  @ApiOkResponse({ type: LifeAreaListDto })
  async list(): Promise<LifeAreaListDto> {
    const areas = await this.assessments.lifeAreas();
    return {
      items: areas.map(({ code, labelFi, labelSv, labelEn, sortOrder }) => ({
        code,
        labelFi,
        labelSv,
        labelEn,
        sortOrder,
      })),
    };
  }
}
