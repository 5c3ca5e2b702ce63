import { Hono } from 'hono';
import { principalsOf } from '../../accounts/index.js';
import { SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';
import type { SearchRequest, SearchResult } from '../../retrieval/index.js';
import type { ServerEnvironment } from '../environment.js';

/** `GET /api/search`: the caller's principals (public only when anonymous), never from a parameter. */
export function searchRoutes({ search }: { search: (request: SearchRequest) => Promise<SearchResult[]> }) {
  const app = new Hono<ServerEnvironment>();
  app.get('/search', async (context) => {
    const query = context.req.query('q') ?? '';
    const kParameter = context.req.query('k') ?? '10';
    if (!/^\d+$/.test(kParameter)) {
      throw new SpravkaError(
        'query_invalid',
        text('k must be a whole number.', 'k должно быть целым числом.'),
      );
    }
    const caller = context.get('caller');
    const sources = context.req.queries('source');
    const results = await search({
      query,
      k: Number(kParameter),
      principals: caller ? principalsOf(caller.user) : [],
      ...(sources ? { sources } : {}),
    });
    return context.json(results);
  });
  return app;
}
