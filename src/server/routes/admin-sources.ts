import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { z } from 'zod';
import type { Spravka } from '../../app.js';
import { SOURCE_TYPES } from '../../domain/types.js';
import { type Language, languageFromAcceptHeader } from '../../i18n/index.js';
import type { ServerEnvironment } from '../environment.js';
import { requireAdmin } from '../middleware/authentication.js';
import type { SyncRunEvent, SyncRunner } from '../sync-runner.js';
import { readBody } from '../validation.js';

const principals = z.array(z.string().trim().min(1).max(200)).min(1).max(200);
const newSource = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[\w.-]{1,64}$/),
  type: z.enum(SOURCE_TYPES),
  settings: z.record(z.string(), z.unknown()),
  acl: principals.default(['public']),
});
const sourceChanges = z.object({
  settings: z.record(z.string(), z.unknown()).optional(),
  acl: principals.optional(),
});

/** Error texts of a sync event in the caller's language, with the hint. */
function localize(event: SyncRunEvent, language: Language): unknown {
  if (event.type === 'error') return { ...event, message: event.message[language] };
  if (event.type === 'finish' && event.report.error) {
    const { error } = event.report;
    return {
      ...event,
      report: {
        ...event.report,
        error: { code: error.code, message: error.text[language], hint: error.hint?.[language] ?? null },
      },
    };
  }
  return event;
}

/** Sources for administrators: list with counts and the last run, add, edit, remove, sync with live progress. */
export function adminSourceRoutes({ spravka, runner }: { spravka: Spravka; runner: SyncRunner }) {
  const app = new Hono<ServerEnvironment>();

  app.get('/admin/sources', (context) => {
    requireAdmin(context);
    const counts = spravka.index.sourceStatistics();
    return context.json(
      spravka.catalog.listSources().map((source) => ({
        name: source.name,
        type: source.type,
        settings: source.settings,
        acl: source.acl,
        createdAt: source.createdAt,
        lastSyncAt: source.lastSyncAt,
        documents: counts.get(source.id)?.documents ?? 0,
        chunks: counts.get(source.id)?.chunks ?? 0,
        syncing: runner.isRunning(source.name),
        lastRun: spravka.catalog.listRuns(source.id, 1)[0] ?? null,
      })),
    );
  });

  app.post('/admin/sources', async (context) => {
    requireAdmin(context);
    const body = await readBody(context, newSource);
    const source = spravka.addSource(body.name, body.type, body.settings, body.acl);
    context
      .get('logger')
      .info({ admin: context.get('caller')?.user.name, source: source.name }, 'source added');
    return context.json(source, 201);
  });

  app.patch('/admin/sources/:name', async (context) => {
    requireAdmin(context);
    const changes = await readBody(context, sourceChanges);
    const source = spravka.updateSource(context.req.param('name'), changes);
    context
      .get('logger')
      .info({ admin: context.get('caller')?.user.name, source: source.name }, 'source changed');
    return context.json(source);
  });

  app.delete('/admin/sources/:name', (context) => {
    requireAdmin(context);
    spravka.removeSource(context.req.param('name'));
    context
      .get('logger')
      .info({ admin: context.get('caller')?.user.name, source: context.req.param('name') }, 'source removed');
    return context.body(null, 204);
  });

  app.get('/admin/sources/:name/runs', (context) => {
    requireAdmin(context);
    const source = spravka.catalog.requireSource(context.req.param('name'));
    return context.json(spravka.catalog.listRuns(source.id, 50));
  });

  app.post('/admin/sources/:name/sync', (context) => {
    requireAdmin(context);
    const name = spravka.catalog.requireSource(context.req.param('name')).name;
    const language = languageFromAcceptHeader(context.req.header('accept-language'));
    return streamSSE(context, async (stream) => {
      const queue: SyncRunEvent[] = [];
      let wake: (() => void) | undefined;
      const stop = runner.watch(name, (event) => {
        queue.push(event);
        wake?.();
      });
      stream.onAbort(() => {
        stop();
        wake?.();
      });
      try {
        while (!stream.aborted) {
          const event = queue.shift();
          if (!event) {
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            continue;
          }
          await stream.writeSSE({ event: event.type, data: JSON.stringify(localize(event, language)) });
          if (event.type === 'end') break;
        }
      } finally {
        stop();
      }
    });
  });

  return app;
}
