import { Body, Controller, Get, HttpCode, Patch, Post, Query, UseFilters } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { type Role, StaffUsersService } from '@ohjaamo/identity';
import { DomainError, type Language } from '@ohjaamo/platform';
import { Allow } from '../auth/access.decorators';
import {
  CreateStaffUserDto,
  StaffUserDetailDto,
  StaffUserListQueryDto,
  StaffUserPageDto,
  toStaffUserDto,
  UpdateStaffUserDto,
} from './admin-user.dto';
import { IdParam, InvalidIdFilter } from './id-param';

/** Staff accounts, for administrators. Every change is audited by the service. */
@ApiTags('admin')
@UseFilters(InvalidIdFilter)
@Controller('api/v1/admin/users')
export class AdminUsersApiController {
  constructor(private readonly users: StaffUsersService) {}

  @Allow('admin.users')
  @Get()
  @ApiOkResponse({ type: StaffUserPageDto })
  async list(@Query() query: StaffUserListQueryDto): Promise<StaffUserPageDto> {
    const { items, total } = await this.users.list({
      search: query.q,
      organisationId: query.organisationId,
      active: query.active,
      limit: query.limit,
      offset: query.offset,
    });
    return { items: items.map(toStaffUserDto), total, limit: query.limit, offset: query.offset };
  }

  @Allow('admin.users')
  @Post()
  @ApiCreatedResponse({ type: StaffUserDetailDto })
  @ApiUnprocessableEntityResponse({ description: 'Field errors' })
  async create(@Body() body: CreateStaffUserDto): Promise<StaffUserDetailDto> {
    const user = await this.users.create({
      ...body,
      roles: body.roles as Role[],
      language: body.language as Language,
    });
    return this.detail(user.id);
  }

  @Allow('admin.users')
  @Get(':id')
  @ApiOkResponse({ type: StaffUserDetailDto })
  @ApiNotFoundResponse()
  get(@IdParam() id: string): Promise<StaffUserDetailDto> {
    return this.detail(id);
  }

  @Allow('admin.users')
  @Patch(':id')
  @ApiOkResponse({ type: StaffUserDetailDto })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Field errors' })
  async update(
    @IdParam() id: string,
    @Body() body: UpdateStaffUserDto,
  ): Promise<StaffUserDetailDto> {
    await this.users.update(id, {
      ...body,
      roles: body.roles as Role[] | undefined,
      language: body.language as Language | undefined,
    });
    return this.detail(id);
  }

  /** Ends the user's sessions and revokes their tokens at once. */
  @Allow('admin.users')
  @Post(':id/deactivate')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async deactivate(@IdParam() id: string): Promise<void> {
    await this.users.deactivate(id);
  }

  @Allow('admin.users')
  @Post(':id/reactivate')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async reactivate(@IdParam() id: string): Promise<void> {
    await this.users.reactivate(id);
  }

  /** Removes the user's authenticator and signs them out everywhere. */
  @Allow('admin.users')
  @Post(':id/reset-mfa')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  async resetMfa(@IdParam() id: string): Promise<void> {
    await this.users.resetMfa(id);
  }

  private async detail(id: string): Promise<StaffUserDetailDto> {
    const user = await this.users.findById(id);
    if (!user) throw DomainError.notFound('user_not_found');
    return { ...toStaffUserDto(user), siteIds: await this.users.siteIdsOf(id) };
  }
}
