import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import pino from 'pino';
import { render, text } from '../../i18n/index.js';
import { createServerApp } from '../../server/index.js';
import { type CommandContext, helpText, withSpravka } from '../context.js';
import { createSyncProgress } from '../progress.js';
import { pullMissingDefaults } from './models.js';

/** The built web interface, beside dist/ in the package. */
const WEB_ROOT = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export function registerServeCommand(program: Command, context: CommandContext): void {
  const help = helpText(context.output.language);
  program
    .command('serve')
    .description(
      help(
        'start the HTTP server: web chat, API, OpenAI-compatible API and MCP',
        'запустить HTTP-сервер: веб-чат, API, OpenAI-совместимый API и MCP',
      ),
    )
    .option(
      '--host <host>',
      help(
        'address to listen on (default 127.0.0.1, or SPRAVKA_HOST)',
        'адрес для прослушивания (по умолчанию 127.0.0.1 или SPRAVKA_HOST)',
      ),
    )
    .option(
      '--port <port>',
      help('port (default 8080, or SPRAVKA_PORT)', 'порт (по умолчанию 8080 или SPRAVKA_PORT)'),
    )
    .option(
      '--pull-models',
      help(
        'first download the missing default models (needs internet; starts without them otherwise)',
        'сначала скачать недостающие стандартные модели (нужен интернет; иначе запуск без них)',
      ),
    )
    .action(async (options: { host?: string; port?: string; pullModels?: boolean }) => {
      const overrides = {
        ...(options.host ? { host: options.host } : {}),
        ...(options.port ? { port: Number(options.port) } : {}),
      };
      if (options.pullModels) await pullMissingDefaults(context.output, context.config(overrides));
      return withSpravka(
        context,
        async (spravka) => {
          const { output } = context;
          // Signals are caught from the very start: one that arrives during the first sync or start-up stops
          // cleanly instead of killing the process half-way.
          const stopRequested = new AbortController();
          const requestStop = () => stopRequested.abort(new Error('stopped by a signal'));
          process.once('SIGINT', requestStop);
          process.once('SIGTERM', requestStop);
          for (const notice of spravka.models.notices)
            output.stderr(`spravka: ${render(notice.message, output.language)}`);
          const demo = spravka.ensureDemoSource();
          if (demo) {
            output.stderr(
              render(
                text(
                  `First start: indexing spravka's own documentation as the demo source "${demo.name}"…`,
                  `Первый запуск: индексирую документацию spravka как демонстрационный источник «${demo.name}»…`,
                ),
                output.language,
              ),
            );
            const progress = createSyncProgress(output);
            try {
              for await (const event of spravka.sync([demo.name], stopRequested.signal))
                progress.onEvent(event);
            } catch (error) {
              if (!stopRequested.signal.aborted) throw error;
            } finally {
              progress.stop();
            }
            if (stopRequested.signal.aborted) return;
          }
          const logger = pino(
            { level: process.env.SPRAVKA_LOG_LEVEL ?? 'info', base: undefined },
            pino.destination(2),
          );
          await spravka.startSearchWorkers(spravka.config.server.searchWorkers);
          const app = createServerApp({ spravka, logger, webRoot: WEB_ROOT, schedule: true });
          const { host, port } = spravka.config.server;
          const server = serve({ fetch: app.fetch, hostname: host, port });
          await new Promise<void>((resolve) => server.once('listening', resolve));
          const address = server.address();
          const actualPort = typeof address === 'object' && address ? address.port : port;
          output.stdout(
            render(
              text(
                `spravka is listening on http://${host}:${actualPort}`,
                `spravka слушает http://${host}:${actualPort}`,
              ),
              output.language,
            ),
          );
          await new Promise<void>((resolve) => {
            // Graceful: stop accepting, let answers in flight finish for a few seconds, then close the rest.
            const stop = () => {
              server.close(() => resolve());
              const force = setTimeout(() => {
                (server as { closeAllConnections?: () => void }).closeAllConnections?.();
              }, 5000);
              force.unref();
            };
            if (stopRequested.signal.aborted) stop();
            else stopRequested.signal.addEventListener('abort', stop, { once: true });
          });
          logger.flush();
        },
        overrides,
      );
    });
}
