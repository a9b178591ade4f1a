import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { IS_PUBLIC, REQUIRED_ROLES, SELF_SERVICE } from '@civic/auth';
import type { UserRole } from '@civic/domain';

export interface AppRoute {
  /** "GET /api/v1/cases/:id", the key the route matrix classifies. */
  key: string;
  method: string;
  path: string;
  /** From the handler's metadata; absent for routes Nest does not know (static files). */
  public: boolean;
  roles: UserRole[] | null;
  /** @SelfService: the caller's own user, open to a directorate-only caller too. */
  selfService: boolean;
}

/** The application's own route table: every route the Express router serves, with the Nest metadata of its handler. */
export function appRoutes(app: INestApplication): AppRoute[] {
  const router = app.getHttpAdapter().getInstance().router as {
    stack: Array<{ route?: { path: string; methods: Record<string, boolean> } }>;
  };
  const metadata = handlerMetadata(app);
  const routes: AppRoute[] = [];
  for (const layer of router.stack) {
    if (!layer.route) {
      continue;
    }
    const methods = Object.keys(layer.route.methods).filter((m) => m !== '_all');
    // app.all(): every HTTP method, one entry.
    for (const method of methods.length > 10 ? ['all'] : methods) {
      const key = `${method.toUpperCase()} ${layer.route.path}`;
      const meta = metadata.get(key);
      routes.push({
        key,
        method: method === 'all' ? 'GET' : method.toUpperCase(),
        path: layer.route.path,
        public: meta?.public ?? true,
        roles: meta?.roles ?? null,
        selfService: meta?.selfService ?? false,
      });
    }
  }
  return routes;
}

function handlerMetadata(
  app: INestApplication,
): Map<string, { public: boolean; roles: UserRole[] | null; selfService: boolean }> {
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const controllers = [...app.get(ModulesContainer).values()].flatMap((module) => [...module.controllers.values()]);
  const out = new Map<string, { public: boolean; roles: UserRole[] | null; selfService: boolean }>();
  for (const wrapper of controllers) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || !wrapper.metatype) {
      continue;
    }
    const prefixes = [reflector.get<string | string[]>(PATH_METADATA, wrapper.metatype)].flat().map((p) => p ?? '');
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = instance[name] as object;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (paths === undefined) {
        continue;
      }
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const targets = [handler, wrapper.metatype] as Parameters<Reflector['getAllAndOverride']>[1];
      const meta = {
        public: !!reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets),
        roles: reflector.getAllAndOverride<UserRole[]>(REQUIRED_ROLES, targets) ?? null,
        selfService: !!reflector.getAllAndOverride<boolean>(SELF_SERVICE, targets),
      };
      for (const prefix of prefixes) {
        for (const path of [paths].flat()) {
          const full = `/${[prefix, path]
            .map((p) => p.replace(/^\/+|\/+$/g, ''))
            .filter(Boolean)
            .join('/')}`;
          out.set(`${method} ${full}`, meta);
        }
      }
    }
  }
  return out;
}
