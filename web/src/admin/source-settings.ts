import type { FolderSettings, GitSettings, SourceInfo, SourceType } from '../api';

/** What the source form holds, as text. */
export interface SourceFields {
  name: string;
  path: string;
  url: string;
  branch: string;
  urlTemplate: string;
  include: string;
  exclude: string;
  acl: string;
  syncEvery: string;
}

export const NEW_SOURCE_FIELDS: SourceFields = {
  name: '',
  path: '',
  url: '',
  branch: '',
  urlTemplate: '',
  include: '',
  exclude: '',
  acl: 'public',
  syncEvery: '',
};

/** The settings the form shows; any other (maxFileBytes, lineAnchor…) is kept as it is when editing. */
const FORM_SETTINGS: Record<SourceType, string[]> = {
  folder: ['path', 'include', 'exclude', 'syncEveryMinutes'],
  git: ['url', 'branch', 'urlTemplate', 'include', 'exclude', 'syncEveryMinutes'],
};

/** Globs one per line. */
export const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Principals by commas or spaces. */
export const words = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((word) => word.trim())
    .filter(Boolean);

/** The same readers, whatever their order or repetition. */
export function sameAcl(left: readonly string[], right: readonly string[]): boolean {
  const a = new Set(left);
  const b = new Set(right);
  return a.size === b.size && [...a].every((principal) => b.has(principal));
}

/** The source's schedule in minutes, when it has one. */
export function syncEveryMinutes(source: Pick<SourceInfo, 'settings'>): number | undefined {
  const minutes = source.settings.syncEveryMinutes;
  return typeof minutes === 'number' && minutes > 0 ? minutes : undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const list = (value: unknown) =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string').join('\n') : '';

/**
 * The form of an existing source. A clone URL's credentials are not shown: the URL appears masked, and
 * left as it is, the stored one is kept (`settingsFrom`).
 */
export function fieldsOf(source: Pick<SourceInfo, 'name' | 'settings' | 'acl'>): SourceFields {
  const { settings } = source;
  const minutes = syncEveryMinutes(source);
  return {
    name: source.name,
    path: text(settings.path),
    url: withoutCredentials(text(settings.url)),
    branch: text(settings.branch),
    urlTemplate: text(settings.urlTemplate),
    include: list(settings.include),
    exclude: list(settings.exclude),
    acl: source.acl.join(', '),
    syncEvery: minutes === undefined ? '' : String(minutes),
  };
}

/**
 * The settings the form says, all of them: `PATCH` replaces the stored settings, so for an existing
 * source (`stored`) those the form does not show are carried over, and a masked URL left unchanged
 * stands for the stored one. Empty optional fields are left out (the server's defaults apply).
 */
export function settingsFrom(
  type: 'folder',
  fields: SourceFields,
  stored?: Record<string, unknown>,
): FolderSettings;
export function settingsFrom(
  type: 'git',
  fields: SourceFields,
  stored?: Record<string, unknown>,
): GitSettings;
export function settingsFrom(
  type: SourceType,
  fields: SourceFields,
  stored?: Record<string, unknown>,
): FolderSettings | GitSettings;
export function settingsFrom(
  type: SourceType,
  fields: SourceFields,
  stored?: Record<string, unknown>,
): FolderSettings | GitSettings {
  const kept = Object.fromEntries(
    Object.entries(stored ?? {}).filter(([key]) => !FORM_SETTINGS[type].includes(key)),
  );
  const include = lines(fields.include);
  const exclude = lines(fields.exclude);
  const minutes = fields.syncEvery.trim();
  const common = {
    ...kept,
    ...(include.length ? { include } : {}),
    ...(exclude.length ? { exclude } : {}),
    ...(minutes ? { syncEveryMinutes: Number(minutes) } : {}),
  };
  if (type === 'folder') return { ...common, path: fields.path.trim() };
  const url = fields.url.trim();
  const storedUrl = text(stored?.url);
  return {
    ...common,
    url: storedUrl && url === withoutCredentials(storedUrl) ? storedUrl : url,
    ...(fields.branch.trim() ? { branch: fields.branch.trim() } : {}),
    ...(fields.urlTemplate.trim() ? { urlTemplate: fields.urlTemplate.trim() } : {}),
  };
}

/** A clone URL may carry a deploy token (`https://user:token@host/…`): it is not for the screen. */
export function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.username && !parsed.password) return url;
    parsed.username = parsed.username ? '***' : '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/** The URL carries a user name or password (shown masked). */
export const hasCredentials = (url: string) => withoutCredentials(url) !== url;
