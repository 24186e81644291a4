import { Controller, Get, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ALL_PERMISSIONS } from '@ohjaamo/identity';
import { SignedIn } from '../auth/access.decorators';
import type { AuthedRequest } from '../auth/request-auth';
import { MeDto } from './me.dto';

@ApiTags('me')
@Controller('api/v1/me')
export class MeApiController {
  /** The signed-in user, and the permissions this request may use. */
  @SignedIn()
  @Get()
  @ApiOkResponse({ type: MeDto })
  me(@Req() req: AuthedRequest): MeDto {
    const auth = req.auth!;
    return {
      id: auth.user.id,
      displayName: auth.user.displayName,
      email: auth.user.email,
      organisation: {
        id: auth.actor.organisationId,
        name: auth.organisationName,
        kind: auth.actor.organisationKind,
      },
      roles: [...auth.user.roles],
      siteIds: [...auth.actor.siteIds],
      language: auth.user.language,
      permissions: ALL_PERMISSIONS.filter((p) => auth.permissions.has(p)),
    };
  }
}
