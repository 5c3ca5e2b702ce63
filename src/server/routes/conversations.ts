import { Hono } from 'hono';
import { z } from 'zod';
import type { ConversationStore } from '../../conversations/index.js';
import type { ServerEnvironment } from '../environment.js';
import { notFound } from '../errors.js';
import { requireUser } from '../middleware/authentication.js';
import { readBody } from '../validation.js';

const rename = z.object({ title: z.string().trim().min(1).max(200) });
const feedback = z.object({
  rating: z.enum(['up', 'down']),
  comment: z.string().trim().max(2000).optional(),
});

/** A user's own conversations and feedback; another user's ids answer 404, exactly like absent ones. */
export function conversationRoutes({ conversations }: { conversations: ConversationStore }) {
  const app = new Hono<ServerEnvironment>();

  app.get('/conversations', (context) => {
    const user = requireUser(context);
    const query = context.req.query('q')?.trim();
    return context.json(conversations.list(user.id, query || undefined));
  });

  app.get('/conversations/:id', (context) => {
    const user = requireUser(context);
    const conversation = conversations.get(user.id, context.req.param('id'));
    if (!conversation) throw notFound();
    return context.json(conversation);
  });

  app.patch('/conversations/:id', async (context) => {
    const user = requireUser(context);
    const { title } = await readBody(context, rename);
    const renamed = conversations.rename(user.id, context.req.param('id'), title);
    if (!renamed) throw notFound();
    return context.json(renamed);
  });

  app.delete('/conversations/:id', (context) => {
    const user = requireUser(context);
    if (!conversations.delete(user.id, context.req.param('id'))) throw notFound();
    return context.body(null, 204);
  });

  app.put('/messages/:id/feedback', async (context) => {
    const user = requireUser(context);
    const { rating, comment } = await readBody(context, feedback);
    const messageId = Number(context.req.param('id'));
    if (
      !Number.isInteger(messageId) ||
      !conversations.setFeedback(user.id, messageId, { rating, comment: comment || null })
    )
      throw notFound();
    return context.body(null, 204);
  });

  return app;
}
