import type { Command } from 'commander';
import type { AccountStore, User } from '../../accounts/index.js';
import { SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';
import { type CommandContext, collect, helpText, withSpravka } from '../context.js';
import { say } from '../output.js';

interface AddOptions {
  admin?: boolean;
  group: string[];
  displayName?: string;
  passwordStdin?: boolean;
}

export function registerUsersCommands(program: Command, context: CommandContext): void {
  const help = helpText(context.output.language);
  const passwordOption = help(
    'read the password from the first line of stdin (required: a password is never an argument)',
    'прочитать пароль из первой строки stdin (обязательно: пароль никогда не передаётся аргументом)',
  );
  const users = program
    .command('users')
    .description(
      help('manage the people who sign in', 'управление пользователями, которые входят в систему'),
    );

  users
    .command('add <name>')
    .description(
      help(
        'add a user, e.g. printf "%s\\n" "$PASSWORD" | spravka users add ivan --group eng --password-stdin',
        'добавить пользователя, напр. printf "%s\\n" "$PASSWORD" | spravka users add ivan --group eng --password-stdin',
      ),
    )
    .option('--admin', help('make the user an administrator', 'сделать пользователя администратором'))
    .option(
      '--group <group>',
      help('add the user to this group (repeatable)', 'добавить в эту группу (можно повторять)'),
      collect,
      [],
    )
    .option('--display-name <name>', help('the name shown in the interface', 'имя для показа в интерфейсе'))
    .option('--password-stdin', passwordOption)
    .action(async (name: string, options: AddOptions) => {
      const password = await readPassword(options.passwordStdin);
      await withSpravka(context, async (spravka) => {
        const user = await spravka.accounts.createUser({
          name,
          password,
          role: options.admin ? 'admin' : 'user',
          groups: options.group,
          ...(options.displayName === undefined ? {} : { displayName: options.displayName }),
        });
        say(
          context.output,
          user.role === 'admin'
            ? text(`Added administrator "${user.name}".`, `Администратор «${user.name}» добавлен.`)
            : text(`Added user "${user.name}".`, `Пользователь «${user.name}» добавлен.`),
        );
      });
    });

  users
    .command('list')
    .description(help('list users with their roles and groups', 'список пользователей с ролями и группами'))
    .option('--json', help('print JSON', 'вывести JSON'))
    .action((options: { json?: boolean }) =>
      withSpravka(context, async (spravka) => {
        const list = spravka.accounts.listUsers();
        if (options.json) {
          context.output.stdout(JSON.stringify(list, null, 2));
          return;
        }
        if (list.length === 0) {
          say(
            context.output,
            text(
              'No users yet. Add one: spravka users add NAME --admin --password-stdin',
              'Пользователей пока нет. Добавьте: spravka users add ИМЯ --admin --password-stdin',
            ),
          );
        }
        for (const user of list) {
          const status = user.disabled ? help('disabled', 'отключён') : help('enabled', 'включён');
          context.output.stdout(
            `${user.name}\t${user.role}\t${user.groups.join(',') || '-'}\t${status}\t${user.displayName}`,
          );
        }
      }),
    );

  users
    .command('set-password <name>')
    .description(help("change a user's password", 'сменить пароль пользователя'))
    .option('--password-stdin', passwordOption)
    .action(async (name: string, options: { passwordStdin?: boolean }) => {
      const password = await readPassword(options.passwordStdin);
      await withSpravka(context, async (spravka) => {
        const user = requireUserNamed(spravka.accounts, name);
        await spravka.accounts.updateUser(user.id, { password });
        say(
          context.output,
          text(`Changed the password of "${user.name}".`, `Пароль пользователя «${user.name}» изменён.`),
        );
      });
    });

  users
    .command('disable <name>')
    .description(
      help(
        'stop a user from signing in; their sessions end and their tokens stop working',
        'запретить пользователю вход; его сеансы завершаются, токены перестают работать',
      ),
    )
    .action((name: string) =>
      withSpravka(context, async (spravka) => {
        const user = requireUserNamed(spravka.accounts, name);
        await spravka.accounts.updateUser(user.id, { disabled: true });
        say(context.output, text(`Disabled "${user.name}".`, `Пользователь «${user.name}» отключён.`));
      }),
    );

  users
    .command('enable <name>')
    .description(help('let a disabled user sign in again', 'снова разрешить вход отключённому пользователю'))
    .action((name: string) =>
      withSpravka(context, async (spravka) => {
        const user = requireUserNamed(spravka.accounts, name);
        await spravka.accounts.updateUser(user.id, { disabled: false });
        say(context.output, text(`Enabled "${user.name}".`, `Пользователь «${user.name}» снова включён.`));
      }),
    );
}

/** The user with this login name, or a `not_found` error that says how to see the users. */
export function requireUserNamed(accounts: AccountStore, name: string): User {
  const user = accounts.findUser(name);
  if (user) return user;
  throw new SpravkaError('not_found', text(`No user named "${name}".`, `Пользователя «${name}» нет.`), {
    hint: text('See the users with: spravka users list', 'Список пользователей: spravka users list'),
  });
}

/**
 * The password from the first line of stdin. It is never taken as an argument, where any user of the
 * machine could read it in the process list or find it in the shell history.
 */
async function readPassword(fromStdin: boolean | undefined): Promise<string> {
  if (!fromStdin) {
    throw new SpravkaError(
      'usage',
      text(
        'The password is read from stdin only: add --password-stdin.',
        'Пароль читается только из stdin: добавьте --password-stdin.',
      ),
      {
        hint: text(
          'For example: printf "%s\\n" "$PASSWORD" | spravka users … --password-stdin',
          'Например: printf "%s\\n" "$PASSWORD" | spravka users … --password-stdin',
        ),
      },
    );
  }
  process.stdin.setEncoding('utf8');
  let received = '';
  for await (const chunk of process.stdin as AsyncIterable<string>) {
    received += chunk;
    if (received.includes('\n')) break;
  }
  return (received.split('\n')[0] ?? '').replace(/\r$/, '');
}
