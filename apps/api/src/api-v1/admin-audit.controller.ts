import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditSearch } from '@ohjaamo/audit';
import { Allow } from '../auth/access.decorators';
import { AuditPageDto, AuditQueryDto, toAuditEntryDto } from './audit.dto';

/** The audit log search, newest first. */
@ApiTags('admin')
@Controller('api/v1/admin/audit')
export class AdminAuditApiController {
  constructor(private readonly audit: AuditSearch) {}

  @Allow('audit.search')
  @Get()
  @ApiOkResponse({ type: AuditPageDto })
  async search(@Query() query: AuditQueryDto): Promise<AuditPageDto> {
    const rows = await this.audit.search({
      userId: query.userId,
      clientId: query.clientId,
      action: query.action,
      from: query.from === undefined ? undefined : new Date(query.from),
      to: query.to === undefined ? undefined : new Date(query.to),
      limit: query.limit,
      offset: query.offset,
    });
    return { items: rows.map(toAuditEntryDto), limit: query.limit, offset: query.offset };
  }
}
