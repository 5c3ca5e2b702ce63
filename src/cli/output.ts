import { isSpravkaError, toSpravkaError } from '../errors/index.js';
import { type Language, type LocalizedText, render } from '../i18n/index.js';

/** Where a command writes: results to stdout, progress and errors to stderr. */
export interface Output {
  language: Language;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** True when stderr is a terminal (progress bars are drawn only then). */
  interactive: boolean;
}

export function processOutput(language: Language): Output {
  return {
    language,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    interactive: Boolean(process.stderr.isTTY),
  };
}

export function say(output: Output, message: LocalizedText): void {
  output.stdout(render(message, output.language));
}

/** Prints an error and what to do about it; returns the exit code. */
export function reportError(output: Output, error: unknown): number {
  const failure = toSpravkaError(error);
  const prefix = output.language === 'ru' ? 'ошибка' : 'error';
  output.stderr(`spravka: ${prefix}: ${render(failure.text, output.language)}`);
  if (failure.hint) output.stderr(`  → ${render(failure.hint, output.language)}`);
  if (!isSpravkaError(error) && error instanceof Error && process.env.SPRAVKA_DEBUG)
    output.stderr(error.stack ?? '');
  return failure.code === 'usage' || failure.code === 'config_invalid' ? 2 : 1;
}
