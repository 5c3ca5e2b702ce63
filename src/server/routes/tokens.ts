import { Hono } from 'hono';
import { z } from 'zod';
import type { AccountStore } from '../../accounts/index.js';
import type { ServerEnvironment } from '../environment.js';
import { notFound } from '../errors.js';
import { requireUser } from '../middleware/authentication.js';
import { readBody } from '../validation.js';

const newToken = z.object({ name: z.string().trim().min(1).max(100) });

/** The caller's personal API tokens: list, create (shown once), revoke. */
export function tokenRoutes({ accounts }: { accounts: AccountStore }) {
  const app = new Hono<ServerEnvironment>();
  app.get('/tokens', (context) => context.json(accounts.listApiTokens(requireUser(context).id)));
  app.post('/tokens', async (context) => {
    const user = requireUser(context);
    const { name } = await readBody(context, newToken);
    const { token, record } = accounts.createApiToken(user.id, name);
    return context.json({ ...record, token }, 201);
  });
  app.delete('/tokens/:id', (context) => {
    const user = requireUser(context);
    if (!accounts.deleteApiToken(user.id, Number(context.req.param('id')))) throw notFound();
    return context.body(null, 204);
  });
  return app;
}
