import type { Dirent } from 'node:fs';
import { lstat, opendir, readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { LineRange } from '../../domain/types.js';
import { errnoCode, SpravkaError } from '../../errors/index.js';
import { text } from '../../i18n/index.js';
import type { FolderSettings } from '../config.js';
import {
  buildLink,
  createDirectoryFilter,
  createPathFilter,
  GitignoreStack,
  hasBinaryExtension,
} from '../filters.js';
import type { Connector, ScanItem, ScanOptions, ScanPlan } from '../types.js';

/**
 * A local directory. Lists every file under the root that the globs and .gitignore files allow;
 * a file's fingerprint is its size and modification time, so an unchanged tree is never read.
 * Symbolic links are followed only while they stay inside the root and do not loop.
 */
export class FolderConnector implements Connector {
  constructor(private readonly settings: FolderSettings) {}

  async scan(options: ScanOptions): Promise<ScanPlan> {
    const root = await resolveRoot(this.settings.path);
    return { mode: 'full', items: this.walk(root, options.signal) };
  }

  link(uri: string, lines?: LineRange): string | undefined {
    return buildLink(this.settings, { path: uri }, lines);
  }

  private async *walk(root: string, signal: AbortSignal | undefined): AsyncGenerator<ScanItem> {
    const includePath = createPathFilter(this.settings);
    const excludeDirectory = createDirectoryFilter(this.settings);
    const gitignores = new GitignoreStack();
    const visited = new Set<string>([root]);
    // Depth-first, with directories on a stack: [absolute path, path relative to root].
    const pending: Array<[string, string]> = [[root, '']];
    while (pending.length > 0) {
      signal?.throwIfAborted();
      const [directory, relativeDirectory] = pending.pop() as [string, string];
      gitignores.enter(relativeDirectory);
      const gitignore = await readFile(join(directory, '.gitignore'), 'utf8').catch(() => undefined);
      if (gitignore !== undefined) gitignores.push(relativeDirectory, gitignore);

      let entries: Dirent[];
      try {
        entries = await readDirectory(directory);
      } catch (error) {
        if (relativeDirectory === '') throw unavailable(this.settings.path, error);
        yield { type: 'skipped', uri: `${relativeDirectory}/`, reason: 'unreadable', detail: String(error) };
        continue;
      }
      entries.sort((left, right) => (left.name < right.name ? 1 : -1));
      for (const entry of entries) {
        const uri = relativeDirectory ? `${relativeDirectory}/${entry.name}` : entry.name;
        const absolute = join(directory, entry.name);
        let isDirectory = entry.isDirectory();
        let isFile = entry.isFile();
        if (entry.isSymbolicLink()) {
          const target = await realpath(absolute).catch(() => undefined);
          if (target === undefined) {
            yield { type: 'skipped', uri, reason: 'unreadable', detail: 'broken symbolic link' };
            continue;
          }
          if (target !== root && !target.startsWith(root + sep)) {
            yield { type: 'skipped', uri, reason: 'outside_root', detail: target };
            continue;
          }
          const targetStat = await stat(target).catch(() => undefined);
          isDirectory = targetStat?.isDirectory() ?? false;
          isFile = targetStat?.isFile() ?? false;
          if (isDirectory && (visited.has(target) || isAncestor(target, directory))) {
            yield { type: 'skipped', uri, reason: 'symlink_loop', detail: target };
            continue;
          }
          if (isDirectory) visited.add(target);
        }
        if (isDirectory) {
          if (excludeDirectory(uri) || gitignores.ignores(uri, true)) continue;
          pending.push([absolute, uri]);
        } else if (isFile) {
          if (!includePath(uri) || gitignores.ignores(uri, false)) continue;
          yield await this.fileItem(absolute, uri);
        }
      }
    }
  }

  private async fileItem(absolute: string, uri: string): Promise<ScanItem> {
    if (hasBinaryExtension(uri)) return { type: 'skipped', uri, reason: 'binary' };
    const info = await stat(absolute).catch((error: unknown) => error as Error);
    if (info instanceof Error) return { type: 'skipped', uri, reason: 'unreadable', detail: info.message };
    if (info.size > this.settings.maxFileBytes) {
      return { type: 'skipped', uri, reason: 'too_large', detail: `${info.size} bytes` };
    }
    return {
      type: 'document',
      entry: {
        uri,
        size: info.size,
        fingerprint: `${info.size}:${Math.trunc(info.mtimeMs)}`,
        read: async () => new Uint8Array(await readFile(absolute)),
      },
    };
  }
}

async function readDirectory(directory: string): Promise<Dirent[]> {
  const entries: Dirent[] = [];
  for await (const entry of await opendir(directory)) entries.push(entry);
  return entries;
}

function isAncestor(candidate: string, directory: string): boolean {
  return directory === candidate || directory.startsWith(candidate + sep);
}

async function resolveRoot(path: string): Promise<string> {
  try {
    const root = await realpath(path);
    const info = await lstat(root);
    if (!info.isDirectory()) {
      throw new SpravkaError(
        'source_unavailable',
        text(`The source path is not a directory: ${path}`, `Путь источника не является каталогом: ${path}`),
        {
          hint: text(
            'Point the source at a directory: spravka source add NAME --type folder --path DIR',
            'Укажите каталог: spravka source add ИМЯ --type folder --path КАТАЛОГ',
          ),
        },
      );
    }
    return root;
  } catch (error) {
    if (error instanceof SpravkaError) throw error;
    throw unavailable(path, error);
  }
}

function unavailable(path: string, error: unknown): SpravkaError {
  const code = errnoCode(error);
  const reason = code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read' : String(error);
  const reasonRu =
    code === 'ENOENT' ? 'не существует' : code === 'EACCES' ? 'недоступен для чтения' : String(error);
  return new SpravkaError(
    'source_unavailable',
    text(`The source folder ${path} ${reason}.`, `Каталог источника ${path} ${reasonRu}.`),
    {
      hint: text(
        'Check the path (or mount the share) and run the sync again; the index was left as it was.',
        'Проверьте путь (или подключите ресурс) и повторите синхронизацию; индекс не изменён.',
      ),
      cause: error,
    },
  );
}

/** Path of `absolute` relative to `root`, with POSIX separators. */
export function toPosixRelative(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}
