import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';
import { z, type ZodType } from 'zod';
import { AppError } from '../lib/errors.js';
import { openApiRegistry } from './openapi.js';
import type { SessionUser } from '@callboard/shared';
import { requireAuth, type Access } from './auth.js';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

export type RouteSpec<B extends ZodType, Q extends ZodType, P extends ZodType> = {
  summary: string;
  tag: string;
  access: Access;
  body?: B;
  query?: Q;
  params?: P;
  /** Documented status codes besides 400/401/403 which every route may answer. */
  responses?: Record<number, string>;
  /** Non-JSON request bodies (multipart) are parsed by extra middleware before validation. */
  before?: RequestHandler[];
  contentType?: string;
};

export type RouteContext<B, Q, P> = {
  body: B;
  query: Q;
  params: P;
  user: SessionUser;
  req: Request;
  res: Response;
};

/** A handler returns the JSON to send (with an optional status); `undefined` means it answered itself. */
export type RouteResult = { status?: number; body?: unknown; headers?: Record<string, string> } | undefined;

function toOpenApiPath(path: string): string {
  return path.replace(/:(\w+)/g, '{$1}');
}

export function validationError(error: z.ZodError, where: string): AppError {
  return new AppError(
    'validation_failed',
    `Invalid ${where}: ${error.issues.map((i) => `${i.path.join('.') || where} ${i.message}`).join('; ')}`,
    error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message })),
  );
}

function parsePart<T>(schema: ZodType | undefined, value: unknown, where: string): T {
  if (!schema) return value as T;
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success) throw validationError(parsed.error, where);
  return parsed.data as T;
}

/**
 * Declares one route: documents it in OpenAPI, checks access, validates params, query and body
 * with their schemas, then calls the handler with typed, validated input.
 */
export function defineRoute<B extends ZodType = ZodType, Q extends ZodType = ZodType, P extends ZodType = ZodType>(
  router: Router,
  method: Method,
  basePath: string,
  path: string,
  spec: RouteSpec<B, Q, P>,
  handler: (ctx: RouteContext<z.output<B>, z.output<Q>, z.output<P>>) => Promise<RouteResult> | RouteResult,
): void {
  const fullPath = `${basePath}${path}`;
  const security = spec.access === 'public' ? [] : spec.access === 'intake' ? [{ intakeKey: [] }] : [{ session: [] }];
  const responses: Record<string, { description: string }> = {
    400: { description: 'validation_failed' },
  };
  if (spec.access !== 'public') responses[401] = { description: 'unauthorized' };
  if (spec.access !== 'public' && spec.access !== 'staff') responses[403] = { description: 'forbidden' };
  for (const [code, description] of Object.entries(spec.responses ?? { 200: 'OK' })) {
    responses[code] = { description };
  }
  openApiRegistry.registerPath({
    method,
    path: toOpenApiPath(fullPath),
    summary: spec.summary,
    tags: [spec.tag],
    security,
    request: {
      ...(spec.params ? { params: spec.params as never } : {}),
      ...(spec.query ? { query: spec.query as never } : {}),
      ...(spec.body
        ? { body: { content: { [spec.contentType ?? 'application/json']: { schema: spec.body as never } } } }
        : {}),
    },
    responses,
  });

  const run = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const params = parsePart<z.output<P>>(spec.params, req.params, 'path');
      const query = parsePart<z.output<Q>>(spec.query, req.query, 'query');
      const body = parsePart<z.output<B>>(spec.body, req.body, 'body');
      const result = await handler({ body, query, params, user: req.user as SessionUser, req, res });
      if (result === undefined || res.headersSent) return;
      for (const [k, v] of Object.entries(result.headers ?? {})) res.setHeader(k, v);
      if (result.body === undefined) res.status(result.status ?? 204).end();
      else res.status(result.status ?? 200).json(result.body);
    } catch (err) {
      next(err);
    }
  };
  router[method](path, requireAuth(spec.access), ...(spec.before ?? []), run);
}

type RouteFn = <B extends ZodType = ZodType, Q extends ZodType = ZodType, P extends ZodType = ZodType>(
  path: string,
  spec: Omit<RouteSpec<B, Q, P>, 'tag'>,
  handler: (ctx: RouteContext<z.output<B>, z.output<Q>, z.output<P>>) => Promise<RouteResult> | RouteResult,
) => void;

export type ApiRoutes = {
  router: Router;
  basePath: string;
  get: RouteFn;
  post: RouteFn;
  patch: RouteFn;
  put: RouteFn;
  delete: RouteFn;
};

/** A module's routes under one base path and OpenAPI tag; app.ts mounts `router` at `basePath`. */
export function apiRoutes(router: Router, basePath: string, tag: string): ApiRoutes {
  const fn =
    (method: Method): RouteFn =>
    (path, spec, handler) =>
      defineRoute(router, method, basePath, path, { ...spec, tag } as never, handler as never);
  return {
    router,
    basePath,
    get: fn('get'),
    post: fn('post'),
    patch: fn('patch'),
    put: fn('put'),
    delete: fn('delete'),
  };
}
