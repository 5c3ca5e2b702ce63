import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import pino, { type Logger } from 'pino';
import { principalsOf } from '../accounts/index.js';
import type { Spravka } from '../app.js';
import { SpravkaError } from '../errors/index.js';
import { text } from '../i18n/index.js';
import type { ApiDependencies } from './api-dependencies.js';
import type { ServerEnvironment } from './environment.js';
import { handleError, notFound } from './errors.js';
import { createMcpApp } from './mcp/index.js';
import { authentication } from './middleware/authentication.js';
import { requestContext } from './middleware/request-context.js';
import { createOpenAICompatibleApp } from './openai-compatible/index.js';
import { OPENAPI } from './openapi.js';
import { adminReviewRoutes } from './routes/admin-review.js';
import { adminSourceRoutes } from './routes/admin-sources.js';
import { adminUserRoutes } from './routes/admin-users.js';
import { authRoutes } from './routes/auth.js';
import { chatRoutes } from './routes/chat.js';
import { conversationRoutes } from './routes/conversations.js';
import { searchRoutes } from './routes/search.js';
import { tokenRoutes } from './routes/tokens.js';
import { SyncRunner } from './sync-runner.js';
import { startSyncSchedule } from './sync-schedule.js';

export interface ServerOptions {
  spravka: Spravka;
  /** Structured JSON logs; silent when absent. */
  logger?: Logger;
  /** The built web interface (`web/dist`); not served when absent. */
  webRoot?: string;
  /** Largest request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Run scheduled syncs (`syncEveryMinutes`) in the background; the real server does, tests need not. */
  schedule?: boolean;
}

/**
 * The HTTP server: one error boundary, request ids and access logs, security headers, body limits,
 * authentication (session cookie with CSRF, or bearer token), the JSON API under /api and the web
 * interface at /. Every retrieval is filtered by the caller's principals, never by parameters.
 */
export function createServerApp(options: ServerOptions): Hono<ServerEnvironment> {
  const { spravka } = options;
  const logger = options.logger ?? pino({ level: 'silent' });
  const app = new Hono<ServerEnvironment>();
  const runner = new SyncRunner((names) => spravka.sync(names), logger);
  if (options.schedule)
    startSyncSchedule(
      () => spravka.catalog.listSources(),
      (name) => runner.watch(name, () => {}),
    );

  app.onError(handleError);
  app.notFound((context) => handleError(notFound(), context));
  app.use(requestContext(logger));
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 2 ** 20,
      onError: () => {
        throw new SpravkaError(
          'payload_too_large',
          text('The request body is too large.', 'Тело запроса слишком велико.'),
        );
      },
    }),
  );
  app.use('/api/*', authentication(spravka.accounts));

  app.get('/healthz', (context) => {
    const statistics = spravka.index.statistics();
    return context.json({ status: 'ok', documents: statistics.documents, chunks: statistics.chunks });
  });
  app.get('/api/openapi.json', (context) => context.json(OPENAPI));

  const api = new Hono<ServerEnvironment>();
  api.route('/', authRoutes({ accounts: spravka.accounts }));
  api.route('/', searchRoutes({ search: (request) => spravka.search(request) }));
  api.route('/', conversationRoutes({ conversations: spravka.conversations }));
  api.route(
    '/',
    chatRoutes({ conversations: spravka.conversations, ask: (request) => spravka.ask(request) }),
  );
  api.route('/', tokenRoutes({ accounts: spravka.accounts }));
  api.route('/', adminSourceRoutes({ spravka, runner }));
  api.route('/', adminUserRoutes({ accounts: spravka.accounts }));
  api.route('/', adminReviewRoutes({ spravka }));
  app.route('/api', api);

  // For other tools: the OpenAI-compatible API and MCP, authenticated by personal API tokens.
  const apiDependencies: ApiDependencies = {
    authenticate: (token) => {
      const user = spravka.accounts.authenticateToken(token);
      return user ? { userName: user.name, principals: principalsOf(user) } : undefined;
    },
    ask: (request) => spravka.ask(request),
    search: (request) => spravka.search(request),
    getDocument: async (caller, source, uri) => spravka.getDocument(caller.principals, source, uri),
  };
  app.route('/v1', createOpenAICompatibleApp(apiDependencies));
  app.route('/mcp', createMcpApp(apiDependencies));

  if (options.webRoot && existsSync(join(options.webRoot, 'index.html'))) {
    const root = relative(process.cwd(), options.webRoot) || '.';
    const indexHtml = join(options.webRoot, 'index.html');
    app.use('/assets/*', serveStatic({ root }));
    app.get('/favicon.svg', serveStatic({ root }));
    // Every other page is the single-page app, which reads the address itself (/c/<id>, /admin…).
    app.get('*', async (context) => {
      if (
        context.req.path.startsWith('/api/') ||
        context.req.path.startsWith('/v1/') ||
        context.req.path === '/mcp'
      )
        throw notFound();
      return context.html(await readFile(indexHtml, 'utf8'));
    });
  }
  return app;
}
