import type { Command } from 'commander';
import { SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';
import { type CommandContext, helpText, withSpravka } from '../context.js';
import { say } from '../output.js';
import { requireUserNamed } from './users.js';

const DEFAULT_TOKEN_NAME = 'cli';

export function registerTokensCommands(program: Command, context: CommandContext): void {
  const help = helpText(context.output.language);
  const userOption = help('the user the tokens belong to', 'пользователь, которому принадлежат токены');
  const tokens = program
    .command('tokens')
    .description(
      help(
        'manage personal API tokens (Authorization: Bearer spr_…)',
        'персональные API-токены (Authorization: Bearer spr_…)',
      ),
    );

  tokens
    .command('create')
    .description(
      help(
        'make a token and print it alone on stdout, e.g. TOKEN=$(spravka tokens create --user ivan)',
        'создать токен и вывести только его, напр. TOKEN=$(spravka tokens create --user ivan)',
      ),
    )
    .requiredOption('--user <name>', userOption)
    .option(
      '--name <label>',
      help(
        `what the token is for (default "${DEFAULT_TOKEN_NAME}")`,
        `для чего токен (по умолчанию «${DEFAULT_TOKEN_NAME}»)`,
      ),
    )
    .action((options: { user: string; name?: string }) =>
      withSpravka(context, async (spravka) => {
        const user = requireUserNamed(spravka.accounts, options.user);
        const { token } = spravka.accounts.createApiToken(user.id, options.name ?? DEFAULT_TOKEN_NAME);
        context.output.stdout(token);
      }),
    );

  tokens
    .command('list')
    .description(
      help("list a user's tokens (not their secrets)", 'список токенов пользователя (без секретов)'),
    )
    .requiredOption('--user <name>', userOption)
    .option('--json', help('print JSON', 'вывести JSON'))
    .action((options: { user: string; json?: boolean }) =>
      withSpravka(context, async (spravka) => {
        const user = requireUserNamed(spravka.accounts, options.user);
        const records = spravka.accounts.listApiTokens(user.id);
        if (options.json) {
          context.output.stdout(JSON.stringify(records, null, 2));
          return;
        }
        if (records.length === 0) {
          say(context.output, text(`"${user.name}" has no tokens.`, `У «${user.name}» нет токенов.`));
        }
        for (const record of records) {
          context.output.stdout(
            `${record.id}\t${record.name}\t${record.createdAt}\t${record.lastUsedAt ?? help('never used', 'не использовался')}`,
          );
        }
      }),
    );

  tokens
    .command('revoke <id>')
    .description(help('revoke one of a user’s tokens by its id', 'отозвать токен пользователя по его id'))
    .requiredOption('--user <name>', userOption)
    .action((id: string, options: { user: string }) =>
      withSpravka(context, async (spravka) => {
        const user = requireUserNamed(spravka.accounts, options.user);
        if (!spravka.accounts.deleteApiToken(user.id, Number(id))) {
          throw new SpravkaError(
            'not_found',
            text(`"${user.name}" has no token ${id}.`, `У «${user.name}» нет токена ${id}.`),
            {
              hint: text(
                `See the tokens with: spravka tokens list --user ${user.name}`,
                `Список токенов: spravka tokens list --user ${user.name}`,
              ),
            },
          );
        }
        say(
          context.output,
          text(`Revoked token ${id} of "${user.name}".`, `Токен ${id} пользователя «${user.name}» отозван.`),
        );
      }),
    );
}
