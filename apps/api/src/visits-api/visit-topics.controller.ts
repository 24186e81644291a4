import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { TopicsService } from '@ohjaamo/visits';
import { Allow } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import {
  CreateVisitTopicDto,
  toVisitTopicDto,
  UpdateVisitTopicDto,
  VisitTopicDto,
  VisitTopicListQueryDto,
} from './visit-topic.dto';

/** The configurable topic list of visits. */
@ApiTags('visits')
@Controller('api/v1/visit-topics')
export class VisitTopicsApiController {
  constructor(private readonly topics: TopicsService) {}

  /** Active topics in display order; retired ones too for those who manage the list. */
  @Allow('visits.log', 'visits.read', 'topics.manage')
  @Get()
  @ApiOkResponse({ type: [VisitTopicDto] })
  async list(
    @Req() req: AuthedRequest,
    @Query() query: VisitTopicListQueryDto,
  ): Promise<VisitTopicDto[]> {
    const all = query.includeInactive === true && req.auth!.permissions.has('topics.manage');
    return (all ? await this.topics.listAll() : await this.topics.listActive()).map(
      toVisitTopicDto,
    );
  }

  @Allow('topics.manage')
  @Post()
  @ApiCreatedResponse({ type: VisitTopicDto })
  @ApiUnprocessableEntityResponse({ description: 'Field errors' })
  async create(@Body() body: CreateVisitTopicDto): Promise<VisitTopicDto> {
    return toVisitTopicDto(await this.topics.create(body));
  }

  @Allow('topics.manage')
  @Patch(':code')
  @ApiOkResponse({ type: VisitTopicDto })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Field errors' })
  async update(
    @Param('code') code: string,
    @Body() body: UpdateVisitTopicDto,
  ): Promise<VisitTopicDto> {
    return toVisitTopicDto(await this.topics.update(code, body));
  }
}
