import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Permission } from '@ohjaamo/identity';

export const ACCESS_METADATA = 'ohjaamo:access';

export type AccessRule =
  { kind: 'public' } | { kind: 'signed_in' } | { kind: 'permission'; permissions: Permission[] };

/** Anyone may call this route, signed in or not (sign-in page, health, assets). */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);

/** Any signed-in staff user (own profile, own tokens). Declares OpenAPI security too. */
export const SignedIn = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'signed_in' } satisfies AccessRule),
    ApiCookieAuth('session'),
    ApiBearerAuth('token'),
    ApiUnauthorizedResponse({ description: 'Not signed in' }),
  );

/**
 * Users holding any of these permissions (see PERMISSIONS). The one decorator a route
 * needs: routes without a declaration are refused by the AccessGuard.
 */
export const Allow = (
  ...permissions: [Permission, ...Permission[]]
): MethodDecorator & ClassDecorator =>
  applyDecorators(
    SetMetadata(ACCESS_METADATA, { kind: 'permission', permissions } satisfies AccessRule),
    ApiCookieAuth('session'),
    ApiBearerAuth('token'),
    ApiUnauthorizedResponse({ description: 'Not signed in' }),
    ApiForbiddenResponse({ description: `Requires: ${permissions.join(' or ')}` }),
  );
