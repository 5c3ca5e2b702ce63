import { Hono } from 'hono';
import { z } from 'zod';
import type { AccountStore } from '../../accounts/index.js';
import type { ServerEnvironment } from '../environment.js';
import { notFound } from '../errors.js';
import { requireAdmin } from '../middleware/authentication.js';
import { readBody } from '../validation.js';
import { publicUser } from './auth.js';

const groups = z
  .array(
    z
      .string()
      .trim()
      .regex(/^[\w.-]{1,64}$/),
  )
  .max(100);
const newUser = z.object({
  name: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
  role: z.enum(['admin', 'user']).default('user'),
  groups: groups.default([]),
  displayName: z.string().trim().max(200).optional(),
});
const changes = z.object({
  displayName: z.string().trim().max(200).optional(),
  role: z.enum(['admin', 'user']).optional(),
  groups: groups.optional(),
  disabled: z.boolean().optional(),
  password: z.string().min(1).max(1024).optional(),
});

/** Users and groups, for administrators. */
export function adminUserRoutes({ accounts }: { accounts: AccountStore }) {
  const app = new Hono<ServerEnvironment>();
  app.get('/admin/users', (context) => {
    requireAdmin(context);
    return context.json(
      accounts
        .listUsers()
        .map((user) => ({ ...publicUser(user), disabled: user.disabled, createdAt: user.createdAt })),
    );
  });
  app.post('/admin/users', async (context) => {
    requireAdmin(context);
    const body = await readBody(context, newUser);
    const user = await accounts.createUser({
      name: body.name,
      password: body.password,
      role: body.role,
      groups: body.groups,
      ...(body.displayName ? { displayName: body.displayName } : {}),
    });
    context
      .get('logger')
      .info({ admin: context.get('caller')?.user.name, created: user.name }, 'user created');
    return context.json(publicUser(user), 201);
  });
  app.patch('/admin/users/:id', async (context) => {
    requireAdmin(context);
    const id = Number(context.req.param('id'));
    if (!accounts.getUser(id)) throw notFound();
    const body = await readBody(context, changes);
    const update = Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
    const user = await accounts.updateUser(id, update);
    return context.json(publicUser(user));
  });
  app.delete('/admin/users/:id', (context) => {
    requireAdmin(context);
    const id = Number(context.req.param('id'));
    if (!accounts.getUser(id)) throw notFound();
    accounts.deleteUser(id);
    return context.body(null, 204);
  });
  app.get('/admin/groups', (context) => {
    requireAdmin(context);
    return context.json(accounts.listGroups());
  });
  return app;
}
