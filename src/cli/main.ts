import { Command, CommanderError } from 'commander';
import { pickLanguage } from '../i18n/index.js';
import { registerAskCommand } from './commands/ask.js';
import { registerEvalCommand } from './commands/eval.js';
import { registerModelsCommands } from './commands/models.js';
import { registerSearchCommand } from './commands/search.js';
import { registerServeCommand } from './commands/serve.js';
import { registerSourceCommands } from './commands/source.js';
import { registerStatusCommand } from './commands/status.js';
import { registerSyncCommand } from './commands/sync.js';
import { registerTokensCommands } from './commands/tokens.js';
import { registerUsersCommands } from './commands/users.js';
import { createContext, helpText } from './context.js';
import { processOutput, reportError } from './output.js';

/** Runs the spravka command line; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const output = processOutput(pickLanguage(process.env.SPRAVKA_LANG, process.env.LC_ALL, process.env.LANG));
  const help = helpText(output.language);
  const program = new Command('spravka')
    .description(
      help('spravka — answers from your company knowledge', 'spravka — ответы из базы знаний компании'),
    )
    .option(
      '--data-dir <dir>',
      help(
        'data directory (default ./data, or SPRAVKA_DATA_DIR)',
        'каталог данных (по умолчанию ./data или SPRAVKA_DATA_DIR)',
      ),
    )
    .option(
      '--config <file>',
      help(
        'configuration file (JSON; default <data dir>/spravka.json, or SPRAVKA_CONFIG)',
        'файл конфигурации (JSON; по умолчанию <каталог данных>/spravka.json или SPRAVKA_CONFIG)',
      ),
    )
    .exitOverride()
    .showHelpAfterError();
  const context = createContext(output, () => program.opts<{ dataDir?: string; config?: string }>());
  registerSourceCommands(program, context);
  registerSyncCommand(program, context);
  registerSearchCommand(program, context);
  registerAskCommand(program, context);
  registerEvalCommand(program, context);
  registerServeCommand(program, context);
  registerStatusCommand(program, context);
  registerModelsCommands(program, context);
  registerUsersCommands(program, context);
  registerTokensCommands(program, context);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    return reportError(output, error);
  }
}
