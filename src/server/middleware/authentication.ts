import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AccountStore, User } from '../../accounts/index.js';
import { SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';
import type { ServerEnvironment } from '../environment.js';
import { forbidden, unauthorized } from '../errors.js';

export const SESSION_COOKIE = 'spravka_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Finds the caller: a bearer token (a wrong one is refused outright) or the session cookie (an unknown or
 * expired one means anonymous). A state-changing request made with the cookie must carry the session's
 * CSRF token in `X-CSRF-Token`; token requests need none (a browser never adds them on its own).
 */
export function authentication(accounts: AccountStore): MiddlewareHandler<ServerEnvironment> {
  return async (context, next) => {
    const authorization = context.req.header('authorization');
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      const user = match?.[1] ? accounts.authenticateToken(match[1]) : undefined;
      if (!user) {
        throw new SpravkaError(
          'unauthorized',
          text('The API token is not valid.', 'API-токен недействителен.'),
          {
            hint: text(
              'Create a new personal token in the web interface or with "spravka tokens create".',
              'Создайте новый личный токен в веб-интерфейсе или командой «spravka tokens create».',
            ),
          },
        );
      }
      context.set('caller', { kind: 'token', user });
      return next();
    }
    const sessionId = getCookie(context, SESSION_COOKIE);
    const session = sessionId ? accounts.getSession(sessionId) : undefined;
    if (sessionId && session) {
      if (
        UNSAFE_METHODS.has(context.req.method) &&
        !sameSecret(context.req.header('x-csrf-token'), session.csrfToken)
      ) {
        throw new SpravkaError(
          'forbidden',
          text('The request lacks a valid CSRF token.', 'В запросе нет действительного CSRF-токена.'),
          { hint: text('Reload the page and try again.', 'Обновите страницу и повторите.') },
        );
      }
      context.set('caller', { kind: 'session', user: session.user, session, sessionId });
    }
    return next();
  };
}

function sameSecret(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

export function requireUser(context: Context<ServerEnvironment>): User {
  const caller = context.get('caller');
  if (!caller) throw unauthorized();
  return caller.user;
}

export function requireAdmin(context: Context<ServerEnvironment>): User {
  const user = requireUser(context);
  if (user.role !== 'admin') throw forbidden();
  return user;
}
