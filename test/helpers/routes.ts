import type { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_METADATA, AccessRule } from '../../apps/api/src/auth/access.decorators';

export interface RegisteredRoute {
  method: string;
  path: string;
  handler: string;
  rule: AccessRule | undefined;
}

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH'];

/** Every route the app registered, with the access rule its decorators declare. */
export function registeredRoutes(app: INestApplication): RegisteredRoute[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: RegisteredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || !wrapper.metatype) continue;
    const prototype = Object.getPrototypeOf(instance) as object;
    const base = normalise(
      Reflect.getMetadata(PATH_METADATA, wrapper.metatype) as string | string[] | undefined,
    );
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as number | undefined;
      if (path === undefined || method === undefined) continue;
      const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
        handler as () => void,
        wrapper.metatype as () => void,
      ]);
      routes.push({
        method: METHODS[method] ?? String(method),
        path: `/${[base, normalise(path)].filter(Boolean).join('/')}`.replace(/\/+/g, '/'),
        handler: `${wrapper.name}.${name}`,
        rule,
      });
    }
  }
  return routes;
}

function normalise(path: string | string[] | undefined): string {
  const value = Array.isArray(path) ? path[0] : path;
  return (value ?? '').replace(/^\/|\/$/g, '');
}

/** A concrete URL for a route pattern: every parameter gets a well-formed dummy id. */
export function concretePath(pattern: string): string {
  return pattern.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
}
