import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { ServerEnvironment } from '../environment.js';

const INCOMING_ID = /^[\w.-]{8,64}$/;

/**
 * A request id (the caller's `X-Request-Id` when it looks like one, else a new UUID) echoed in the
 * response, a child logger carrying it, and one access-log line per request. The path is logged without
 * its query string: queries are what people ask, and they stay out of the logs at info level.
 */
export function requestContext(logger: Logger): MiddlewareHandler<ServerEnvironment> {
  return async (context, next) => {
    const incoming = context.req.header('x-request-id');
    const requestId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    const child = logger.child({ requestId });
    context.set('requestId', requestId);
    context.set('logger', child);
    context.set('caller', undefined);
    const started = performance.now();
    await next();
    context.header('x-request-id', requestId);
    child.info(
      {
        method: context.req.method,
        path: context.req.path,
        status: context.res.status,
        milliseconds: Math.round(performance.now() - started),
        user: context.get('caller')?.user.name,
      },
      'request',
    );
  };
}
