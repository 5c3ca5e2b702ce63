import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Spravka } from '../app.js';
import { type ErrorCode, SpravkaError, toSpravkaError } from '../errors/index.js';
import { languageFromAcceptHeader, text } from '../i18n/index.js';

/** Error codes → HTTP statuses, in one place. */
const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  config_invalid: 500,
  usage: 400,
  source_not_found: 404,
  source_exists: 409,
  source_unavailable: 502,
  source_invalid: 400,
  parse_failed: 422,
  sync_in_progress: 409,
  sync_failed: 500,
  storage_failed: 500,
  storage_read_only: 503,
  storage_full: 507,
  query_invalid: 400,
  embedder_failed: 502,
  model_invalid: 500,
  model_missing: 503,
  model_load_failed: 503,
  model_download_failed: 502,
  llm_failed: 502,
  reranker_failed: 502,
  cancelled: 499 as ContentfulStatusCode,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  rate_limited: 429,
  user_exists: 409,
  last_admin: 409,
  request_invalid: 400,
  payload_too_large: 413,
  internal: 500,
};

/**
 * The HTTP API. Search is anonymous here and so sees public documents only; principals come from
 * authentication (a later step), never from a query parameter.
 */
export function createServerApp({ spravka }: { spravka: Spravka }): Hono {
  const app = new Hono();

  app.onError((error, context) => {
    const failure = toSpravkaError(error);
    const language = languageFromAcceptHeader(context.req.header('accept-language'));
    return context.json(
      {
        error: {
          code: failure.code,
          message: failure.text[language],
          hint: failure.hint?.[language] ?? null,
        },
      },
      STATUS[failure.code],
    );
  });

  app.get('/healthz', (context) => {
    const statistics = spravka.index.statistics();
    return context.json({ status: 'ok', documents: statistics.documents, chunks: statistics.chunks });
  });

  app.get('/api/search', async (context) => {
    const query = context.req.query('q') ?? '';
    const kParameter = context.req.query('k') ?? '10';
    const k = Number(kParameter);
    if (!/^\d+$/.test(kParameter)) {
      throw new SpravkaError(
        'query_invalid',
        text('k must be a whole number.', 'k должно быть целым числом.'),
      );
    }
    const sources = context.req.queries('source');
    const results = await spravka.search({ query, k, principals: [], ...(sources ? { sources } : {}) });
    return context.json(results);
  });

  app.notFound((context) => context.json({ error: { code: 'not_found', message: 'Not found' } }, 404));
  return app;
}
