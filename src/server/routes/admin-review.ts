import { Hono } from 'hono';
import type { Spravka } from '../../app.js';
import type { ServerEnvironment } from '../environment.js';
import { requireAdmin } from '../middleware/authentication.js';

/** Feedback review and the usage dashboard, for administrators. */
export function adminReviewRoutes({ spravka }: { spravka: Spravka }) {
  const app = new Hono<ServerEnvironment>();
  app.get('/admin/feedback', (context) => {
    requireAdmin(context);
    return context.json(spravka.conversations.listFeedback(500));
  });
  app.get('/admin/stats', (context) => {
    requireAdmin(context);
    const counts = spravka.index.sourceStatistics();
    return context.json({
      ...spravka.conversations.statistics(),
      sources: spravka.catalog.listSources().map((source) => ({
        name: source.name,
        documents: counts.get(source.id)?.documents ?? 0,
        chunks: counts.get(source.id)?.chunks ?? 0,
      })),
    });
  });
  return app;
}
