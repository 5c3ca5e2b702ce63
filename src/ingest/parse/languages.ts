/** Programming and data languages a source file can be written in, by the names the code chunker uses. */
export const CODE_LANGUAGES = [
  'javascript',
  'typescript',
  'tsx',
  'python',
  'java',
  'go',
  'csharp',
  'php',
  'ruby',
  'kotlin',
  'rust',
  'c',
  'cpp',
  'lua',
  'shell',
  'sql',
  'json',
  'yaml',
  'toml',
  'css',
  'xml',
  'scala',
  'swift',
  'dart',
  'elixir',
] as const;
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

const LANGUAGE_BY_EXTENSION: Readonly<Record<string, CodeLanguage>> = {
  '.js': 'javascript',
  '.mjs': 'javascript',
  '.cjs': 'javascript',
  '.jsx': 'javascript',
  '.ts': 'typescript',
  '.mts': 'typescript',
  '.cts': 'typescript',
  '.tsx': 'tsx',
  '.py': 'python',
  '.java': 'java',
  '.go': 'go',
  '.cs': 'csharp',
  '.php': 'php',
  '.rb': 'ruby',
  '.kt': 'kotlin',
  '.kts': 'kotlin',
  '.rs': 'rust',
  '.c': 'c',
  '.h': 'c',
  '.cc': 'cpp',
  '.cpp': 'cpp',
  '.hpp': 'cpp',
  '.cxx': 'cpp',
  '.lua': 'lua',
  '.sh': 'shell',
  '.bash': 'shell',
  '.sql': 'sql',
  '.json': 'json',
  '.yml': 'yaml',
  '.yaml': 'yaml',
  '.toml': 'toml',
  '.css': 'css',
  '.scss': 'css',
  '.xml': 'xml',
  '.scala': 'scala',
  '.swift': 'swift',
  '.dart': 'dart',
  '.ex': 'elixir',
  '.exs': 'elixir',
};

const languageNames: ReadonlySet<string> = new Set(CODE_LANGUAGES);

/** The lower-cased extension of a path's file name with its dot (`src/App.TSX` → `.tsx`), or '' if none. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot).toLowerCase();
}

/** The code language of a file from its extension (`lib/a.d.ts` → `typescript`), or undefined for prose and unknown files. */
export function languageForPath(path: string): CodeLanguage | undefined {
  return LANGUAGE_BY_EXTENSION[extensionOf(path)];
}

/** Whether a name is one of the code languages this project knows (`'python'` yes, `'markdown'` no). */
export function isCodeLanguage(name: string): name is CodeLanguage {
  return languageNames.has(name);
}
