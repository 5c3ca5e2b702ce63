import { Spravka } from '../app.js';
import { type Config, type ConfigOverrides, loadConfig } from '../config/index.js';
import type { Language } from '../i18n/index.js';
import type { Output } from './output.js';

/** What every command gets: the output and a way to open spravka with the global options applied. */
export interface CommandContext {
  output: Output;
  /** The configuration with the global options applied. */
  config(overrides?: ConfigOverrides): Config;
  open(overrides?: ConfigOverrides): Promise<Spravka>;
}

export function createContext(
  output: Output,
  globalOptions: () => { dataDir?: string; config?: string },
): CommandContext {
  const config = (overrides: ConfigOverrides = {}) => {
    const { dataDir, config: configFile } = globalOptions();
    return loadConfig(process.env, {
      ...(dataDir ? { dataDir } : {}),
      ...(configFile ? { configFile } : {}),
      ...overrides,
    });
  };
  return { output, config, open: async (overrides = {}) => Spravka.create(config(overrides)) };
}

/** Runs a command body with an opened spravka that is closed afterwards, whatever happens. */
export async function withSpravka<T>(
  context: CommandContext,
  body: (spravka: Spravka) => Promise<T>,
  overrides?: ConfigOverrides,
): Promise<T> {
  const spravka = await context.open(overrides);
  try {
    return await body(spravka);
  } finally {
    spravka.close();
  }
}

/** `group:eng,user:ivan` → ['group:eng', 'user:ivan']. */
export function parsePrincipals(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Commander option parser for a repeatable option: each use appends its value. */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Help texts in the user's language: `help(english, russian)`. */
export function helpText(language: Language): (english: string, russian: string) => string {
  return (english, russian) => (language === 'ru' ? russian : english);
}
