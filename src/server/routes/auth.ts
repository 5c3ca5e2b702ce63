import { getConnInfo } from '@hono/node-server/conninfo';
import { type Context, Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { type AccountStore, principalsOf, type Session, type User } from '../../accounts/index.js';
import { SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';
import type { ServerEnvironment } from '../environment.js';
import { FailureLimiter } from '../login-limiter.js';
import { requireUser, SESSION_COOKIE } from '../middleware/authentication.js';
import { readBody } from '../validation.js';

const credentials = z.object({ name: z.string().min(1).max(64), password: z.string().min(1).max(1024) });
const WINDOW = 15 * 60_000;

/** The user as the API shows it: with the principals that filter everything they see. */
export function publicUser(user: User) {
  return {
    id: user.id,
    name: user.name,
    displayName: user.displayName,
    role: user.role,
    groups: user.groups,
    principals: principalsOf(user),
  };
}

function clientAddress(context: Context): string {
  try {
    return getConnInfo(context).remote.address ?? 'unknown';
  } catch {
    // In-process requests (tests, app.request) have no socket.
    return 'local';
  }
}

/** First-run setup, sign-in with rate limiting, sign-out, and who am I. */
export function authRoutes({ accounts }: { accounts: AccountStore }) {
  const app = new Hono<ServerEnvironment>();
  const perAddress = new FailureLimiter(30, WINDOW);
  const perName = new FailureLimiter(5, WINDOW);

  const signIn = (context: Context<ServerEnvironment>, user: User) => {
    const { id, session } = accounts.createSession(user.id);
    const secure =
      new URL(context.req.url).protocol === 'https:' || context.req.header('x-forwarded-proto') === 'https';
    setCookie(context, SESSION_COOKIE, id, {
      httpOnly: true,
      sameSite: 'Lax',
      secure,
      path: '/',
      maxAge: 7 * 24 * 3600,
    });
    return context.json({ user: publicUser(session.user), csrfToken: session.csrfToken });
  };

  app.get('/setup', (context) => context.json({ needsAdmin: accounts.countAdmins() === 0 }));

  app.post('/setup', async (context) => {
    const { name, password } = await readBody(context, credentials);
    if (accounts.countAdmins() > 0) {
      throw new SpravkaError('forbidden', text('spravka is already set up.', 'spravka уже настроена.'), {
        hint: text(
          'Sign in, or ask an administrator for an account.',
          'Войдите или попросите учётную запись у администратора.',
        ),
      });
    }
    const user = await accounts.createUser({ name, password, role: 'admin', groups: [] });
    return signIn(context, user);
  });

  app.post('/auth/login', async (context) => {
    const { name, password } = await readBody(context, credentials);
    const address = clientAddress(context);
    const nameKey = `${address}|${name.toLowerCase()}`;
    const wait = Math.max(perAddress.retryAfter(address), perName.retryAfter(nameKey));
    if (wait > 0) {
      context.header('retry-after', String(Math.ceil(wait / 1000)));
      throw new SpravkaError(
        'rate_limited',
        text(
          'Too many failed sign-ins. Try again later.',
          'Слишком много неудачных попыток входа. Повторите позже.',
        ),
        { hint: text(`Wait ${Math.ceil(wait / 60_000)} min.`, `Подождите ${Math.ceil(wait / 60_000)} мин.`) },
      );
    }
    const user = await accounts.verifyPassword(name, password);
    if (!user) {
      perAddress.fail(address);
      perName.fail(nameKey);
      throw new SpravkaError('unauthorized', text('Wrong name or password.', 'Неверное имя или пароль.'));
    }
    perName.succeed(nameKey);
    return signIn(context, user);
  });

  app.post('/auth/logout', (context) => {
    const caller = context.get('caller');
    if (caller?.kind === 'session') accounts.deleteSession(caller.sessionId);
    deleteCookie(context, SESSION_COOKIE, { path: '/' });
    return context.body(null, 204);
  });

  app.get('/auth/me', (context) => {
    const user = requireUser(context);
    const caller = context.get('caller');
    const session: Session | undefined = caller?.kind === 'session' ? caller.session : undefined;
    return context.json({ user: publicUser(user), csrfToken: session?.csrfToken ?? null });
  });

  return app;
}
