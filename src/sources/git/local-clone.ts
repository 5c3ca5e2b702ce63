import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { errnoCode } from '../../errors/index.js';
import type { GitSettings } from '../config.js';
import { GitCommandError, type GitCommandOptions, runGit, runGitSync } from './git-command.js';
import { sourceUnavailable } from './git-errors.js';
import {
  isObjectId,
  parseTreeDiff,
  parseTreeListing,
  type TreeChange,
  type TreeEntry,
} from './tree-listing.js';

/**
 * Written into a clone once it is complete, before it is moved into place: a directory without it is a
 * clone that was interrupted (or something else) and is never used. It also records what was cloned,
 * so a change of URL or branch in the settings is noticed.
 */
const MARKER_FILE = 'spravka-source.json';
const markerSchema = z.object({ url: z.string(), branch: z.string().nullable() });
type Marker = z.infer<typeof markerSchema>;

/** Where the clone stands: the branch it follows and that branch's commit (undefined while empty). */
export interface CloneState {
  branch: string;
  head: string | undefined;
}

export interface LocalCloneOptions {
  /** The bare clone's directory; its parent is created when missing. */
  directory: string;
  timeoutMilliseconds: number;
}

/**
 * The connector's bare, single-branch clone of the source repository. Cloning happens in a sibling
 * temporary directory that replaces the clone only once complete, and a failed fetch leaves the clone
 * as it was, so an earlier good state is never lost.
 */
export class LocalClone {
  constructor(
    private readonly settings: Pick<GitSettings, 'url' | 'branch'>,
    private readonly options: LocalCloneOptions,
  ) {}

  get directory(): string {
    return this.options.directory;
  }

  /** Clones the repository on first use (or after the settings' URL or branch changed), fetches otherwise. */
  async update(signal?: AbortSignal): Promise<CloneState> {
    const marker = await this.readMarker();
    const current = marker && this.matches(marker) ? await this.state(signal) : undefined;
    if (current?.head === undefined) {
      // No clone, another repository or branch, or a clone of a repository that was empty then.
      await this.clone(signal);
      return this.state(signal);
    }
    await this.fetch(current.branch, signal);
    return { branch: current.branch, head: await this.headOf(current.branch, signal) };
  }

  /** The branch and head commit of the clone. */
  async state(signal?: AbortSignal): Promise<CloneState> {
    const reference = (await this.run(['symbolic-ref', '--quiet', 'HEAD'], signal)).toString('utf8').trim();
    const branch = reference.replace(/^refs\/heads\//, '');
    return { branch, head: await this.headOf(branch, signal) };
  }

  /**
   * The clone's branch and head read synchronously, for a link asked for before any scan;
   * undefined when there is no usable clone.
   */
  stateSync(): Partial<CloneState> | undefined {
    if (!existsSync(join(this.directory, MARKER_FILE))) return undefined;
    const output = runGitSync(['rev-parse', 'HEAD', '--symbolic-full-name', 'HEAD'], this.directory);
    const [head, reference] = output?.trim().split('\n') ?? [];
    if (!head || !reference) return undefined;
    return { head, branch: reference.replace(/^refs\/heads\//, '') };
  }

  /** Whether `objectId` names a commit the clone has. */
  async hasCommit(objectId: string, signal?: AbortSignal): Promise<boolean> {
    if (!isObjectId(objectId)) return false;
    return (
      (await this.probe(['rev-parse', '--verify', '--quiet', `${objectId}^{commit}`], signal)) !== undefined
    );
  }

  /** Every file of the commit's tree, recursively, with blob sizes. */
  async listTree(commit: string, signal?: AbortSignal): Promise<TreeEntry[]> {
    return parseTreeListing(await this.run(['ls-tree', '-r', '-z', '--long', commit], signal));
  }

  /** The paths that differ between two commits; renames are a deletion and an addition. */
  async diffTrees(from: string, to: string, signal?: AbortSignal): Promise<TreeChange[]> {
    return parseTreeDiff(
      await this.run(['diff-tree', '-r', '-z', '--no-renames', '--raw', from, to], signal),
    );
  }

  /** Sizes in bytes of the given objects, in one `git cat-file --batch-check`. */
  async objectSizes(objectIds: readonly string[], signal?: AbortSignal): Promise<Map<string, number>> {
    const sizes = new Map<string, number>();
    if (objectIds.length === 0) return sizes;
    const input = `${objectIds.join('\n')}\n`;
    const output = await this.run(['cat-file', '--batch-check=%(objectname) %(objectsize)'], signal, input);
    for (const line of output.toString('utf8').split('\n')) {
      const [objectId, size] = line.split(' ');
      if (objectId && size !== undefined && size !== 'missing') sizes.set(objectId, Number(size));
    }
    return sizes;
  }

  private matches(marker: Marker): boolean {
    return marker.url === this.settings.url && marker.branch === (this.settings.branch ?? null);
  }

  private async readMarker(): Promise<Marker | undefined> {
    const content = await readFile(join(this.directory, MARKER_FILE), 'utf8').catch((error: unknown) =>
      errnoCode(error) === 'ENOENT' || errnoCode(error) === 'ENOTDIR' ? undefined : Promise.reject(error),
    );
    if (content === undefined) return undefined;
    const parsed = markerSchema.safeParse(safeJson(content));
    return parsed.success ? parsed.data : undefined;
  }

  private async clone(signal?: AbortSignal): Promise<void> {
    const { url, branch } = this.settings;
    await mkdir(dirname(this.directory), { recursive: true });
    await this.removeLeftovers();
    const partial = `${this.directory}.partial-${randomUUID().slice(0, 8)}`;
    try {
      // --no-local: a local path is cloned through git's transport too, so the clone gets a pack
      // (reading 1,000 loose objects is ~20 times slower) and shares no files with the source.
      const branchArguments = branch === undefined ? [] : ['--branch', branch];
      const cloneArguments = [
        '--bare',
        '--single-branch',
        '--no-tags',
        '--no-local',
        '--quiet',
        ...branchArguments,
      ];
      await runGit(['clone', ...cloneArguments, '--', url, partial], {
        timeoutMilliseconds: this.options.timeoutMilliseconds,
        signal,
      });
      const marker: Marker = { url, branch: branch ?? null };
      await writeFile(join(partial, MARKER_FILE), `${JSON.stringify(marker)}\n`);
      await this.replaceWith(partial);
    } catch (error) {
      await rm(partial, { recursive: true, force: true });
      throw sourceUnavailable(error, { action: 'clone', url, repositoryDirectory: this.directory });
    }
  }

  private async fetch(branch: string, signal?: AbortSignal): Promise<void> {
    const refspec = `+refs/heads/${branch}:refs/heads/${branch}`;
    const fetchArguments = ['--quiet', '--prune', '--no-tags', '--update-head-ok', '--no-write-fetch-head'];
    try {
      await runGit(['fetch', ...fetchArguments, 'origin', refspec], this.commandOptions(signal));
    } catch (error) {
      throw sourceUnavailable(error, {
        action: 'fetch',
        url: this.settings.url,
        repositoryDirectory: this.directory,
      });
    }
  }

  /** Swaps the complete clone in: the old one is moved aside first, then removed. */
  private async replaceWith(partial: string): Promise<void> {
    const previous = `${this.directory}.previous-${randomUUID().slice(0, 8)}`;
    const moved = await rename(this.directory, previous).then(
      () => true,
      (error: unknown) => (errnoCode(error) === 'ENOENT' ? false : Promise.reject(error)),
    );
    await rename(partial, this.directory);
    if (moved) await rm(previous, { recursive: true, force: true });
  }

  /** Removes what an interrupted clone or swap left beside the clone. */
  private async removeLeftovers(): Promise<void> {
    const name = basename(this.directory);
    const siblings = await readdir(dirname(this.directory));
    const leftovers = siblings.filter(
      (sibling) => sibling.startsWith(`${name}.partial-`) || sibling.startsWith(`${name}.previous-`),
    );
    await Promise.all(
      leftovers.map((leftover) =>
        rm(join(dirname(this.directory), leftover), { recursive: true, force: true }),
      ),
    );
  }

  /** The commit at the tip of the clone's branch; undefined while it has none. */
  private headOf(branch: string, signal?: AbortSignal): Promise<string | undefined> {
    return this.probe(['rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`], signal);
  }

  private async run(args: string[], signal?: AbortSignal, input?: string): Promise<Buffer> {
    try {
      return (await runGit(args, { ...this.commandOptions(signal), input })).stdout;
    } catch (error) {
      throw sourceUnavailable(error, {
        action: 'read',
        url: this.settings.url,
        repositoryDirectory: this.directory,
      });
    }
  }

  /** Runs a command that answers a question: its trimmed stdout, or undefined when it exits with 1 (no). */
  private async probe(args: string[], signal?: AbortSignal): Promise<string | undefined> {
    try {
      return (await runGit(args, this.commandOptions(signal))).stdout.toString('utf8').trim();
    } catch (error) {
      const answeredNo = error instanceof GitCommandError && error.failure === 'exit' && error.exitCode === 1;
      if (answeredNo) return undefined;
      throw sourceUnavailable(error, {
        action: 'read',
        url: this.settings.url,
        repositoryDirectory: this.directory,
      });
    }
  }

  private commandOptions(signal: AbortSignal | undefined): GitCommandOptions {
    return { gitDirectory: this.directory, timeoutMilliseconds: this.options.timeoutMilliseconds, signal };
  }
}

function safeJson(content: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    return undefined;
  }
}
