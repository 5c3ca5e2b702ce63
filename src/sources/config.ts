import { z } from 'zod';

/**
 * Settings of each source type, validated when a source is added and again when it is loaded,
 * so a hand-edited catalog cannot smuggle in a malformed source.
 */
const common = {
  /** Globs (relative to the source root) a file must match to be indexed; empty means all. */
  include: z.array(z.string().min(1)).default([]),
  /** Globs to leave out, on top of .gitignore and the built-in ones (.git, node_modules). */
  exclude: z.array(z.string().min(1)).default([]),
  /** Files larger than this are skipped and counted. */
  maxFileBytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  /** Deep link for a document: `{path}`, `{commit}` and `{branch}` are replaced. */
  urlTemplate: z.string().min(1).optional(),
  /** Appended to the link when a line range is known: `{start}` and `{end}` are replaced. */
  lineAnchor: z.string().default('#L{start}-{end}'),
  /** The server syncs the source this often (minutes); only by hand or CLI when absent. */
  syncEveryMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .optional(),
};

export const folderSettingsSchema = z.object({
  ...common,
  path: z.string().min(1),
});

export const gitSettingsSchema = z.object({
  ...common,
  /** A clone URL or a local repository path. */
  url: z.string().min(1),
  /** Branch to index; the remote's default branch when absent. */
  branch: z.string().min(1).optional(),
});

export type FolderSettings = z.infer<typeof folderSettingsSchema>;
export type GitSettings = z.infer<typeof gitSettingsSchema>;
export type CommonSettings = Pick<
  FolderSettings,
  'include' | 'exclude' | 'maxFileBytes' | 'urlTemplate' | 'lineAnchor' | 'syncEveryMinutes'
>;
