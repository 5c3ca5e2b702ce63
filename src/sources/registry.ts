import { join } from 'node:path';
import type { z } from 'zod';
import type { SourceType } from '../domain/types.js';
import { SpravkaError } from '../errors/index.js';
import { text } from '../i18n/index.js';
import type { SourceRecord } from '../stores/types.js';
import { folderSettingsSchema, gitSettingsSchema } from './config.js';
import { FolderConnector } from './folder/folder-connector.js';
import { GitConnector } from './git/git-connector.js';
import type { Connector } from './types.js';

export interface ConnectorContext {
  /** A directory the connector may use for its own state (e.g. a git clone), inside the data directory. */
  workDirectory: string;
}

interface ConnectorKind<Schema extends z.ZodType> {
  schema: Schema;
  create(settings: z.infer<Schema>, context: ConnectorContext): Connector;
}

/** Every source type, its settings schema and its connector. */
const kinds: {
  [Type in SourceType]: ConnectorKind<
    Type extends 'folder' ? typeof folderSettingsSchema : typeof gitSettingsSchema
  >;
} = {
  folder: { schema: folderSettingsSchema, create: (settings) => new FolderConnector(settings) },
  git: {
    schema: gitSettingsSchema,
    create: (settings, context) => new GitConnector(settings, { repositoryDirectory: context.workDirectory }),
  },
};

/** Validates a source's settings for its type; the parsed settings (with defaults) are what is stored. */
export function validateSourceSettings(
  type: SourceType,
  settings: Record<string, unknown>,
): Record<string, unknown> {
  const parsed = kinds[type].schema.safeParse(settings);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const problems = parsed.error.issues
    .map((issue) => `${issue.path.join('.') || type}: ${issue.message}`)
    .join('; ');
  throw new SpravkaError(
    'source_invalid',
    text(
      `Invalid settings for a ${type} source: ${problems}`,
      `Неверные настройки источника ${type}: ${problems}`,
    ),
    {
      hint: text(
        type === 'folder'
          ? 'A folder source needs --path DIR.'
          : 'A git source needs --url URL (and optionally --branch).',
        type === 'folder'
          ? 'Источнику folder нужен --path КАТАЛОГ.'
          : 'Источнику git нужен --url URL (и, при желании, --branch).',
      ),
    },
  );
}

export function createConnector(source: SourceRecord, dataDir: string): Connector {
  const context = { workDirectory: join(dataDir, 'sources', String(source.id)) };
  switch (source.type) {
    case 'folder':
      return kinds.folder.create(kinds.folder.schema.parse(source.settings), context);
    case 'git':
      return kinds.git.create(kinds.git.schema.parse(source.settings), context);
  }
}
