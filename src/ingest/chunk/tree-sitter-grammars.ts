import type { CodeLanguage } from '../parse/languages.js';

/**
 * Which tree-sitter grammar (a file `tree-sitter-<name>.wasm` in the tree-sitter-wasms package) parses each
 * of our language names. Only grammars that load with web-tree-sitter 0.22.6 and parse the same text the
 * same way every time are listed. Left out: dart (language version 15, too new), yaml (its external
 * scanner fails to link), lua (loads, but every parse after the first in a process reads keywords as
 * identifiers, and some inputs loop until the parse times out); sql and xml have no grammar in the
 * package. Those languages are chunked by line windows.
 */
export const GRAMMARS = {
  javascript: 'javascript',
  typescript: 'typescript',
  tsx: 'tsx',
  python: 'python',
  java: 'java',
  go: 'go',
  csharp: 'c_sharp',
  php: 'php',
  ruby: 'ruby',
  kotlin: 'kotlin',
  rust: 'rust',
  c: 'c',
  cpp: 'cpp',
  shell: 'bash',
  scala: 'scala',
  swift: 'swift',
  elixir: 'elixir',
  css: 'css',
  toml: 'toml',
  json: 'json',
} as const satisfies Partial<Record<CodeLanguage, string>>;

/** A language name that has a loadable grammar. */
export type GrammarLanguage = keyof typeof GRAMMARS;

/** Whether a language (as named in ParsedDocument.language) has a grammar. */
export function hasGrammar(language: string | undefined): language is GrammarLanguage {
  return language !== undefined && Object.hasOwn(GRAMMARS, language);
}
