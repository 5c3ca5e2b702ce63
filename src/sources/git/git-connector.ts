import type { LineRange } from '../../domain/types.js';
import type { GitSettings } from '../config.js';
import { buildLink, createPathFilter } from '../filters.js';
import type { Connector, ScanItem, ScanOptions, ScanPlan } from '../types.js';
import { BlobReader } from './blob-reader.js';
import { DEFAULT_GIT_TIMEOUT_MILLISECONDS } from './git-command.js';
import { type CloneState, LocalClone } from './local-clone.js';
import { deltaScanItems, fullScanItems, type ItemRules } from './scan-items.js';

export interface GitConnectorOptions {
  /** Where the connector keeps its bare clone, inside spravka's data directory; created when missing. */
  repositoryDirectory: string;
  /** Limit for each git command, clone and fetch included; 120 s by default. */
  timeoutMilliseconds?: number;
}

/**
 * A git repository, local or remote, read through a bare single-branch clone and the git CLI.
 * A document's fingerprint is its blob id and the cursor is the head commit, so a sync after a push
 * lists only the files the push changed (`git diff-tree`), and a sync with nothing new lists nothing.
 * Blobs are read through one `git cat-file --batch` process per scan.
 */
export class GitConnector implements Connector {
  private readonly clone: LocalClone;
  private readonly rules: ItemRules;
  /** Branch and head commit after the last scan, or read from the clone for a link before any scan. */
  private known: Partial<CloneState> | undefined;

  constructor(
    private readonly settings: GitSettings,
    options: GitConnectorOptions,
  ) {
    this.clone = new LocalClone(settings, {
      directory: options.repositoryDirectory,
      timeoutMilliseconds: options.timeoutMilliseconds ?? DEFAULT_GIT_TIMEOUT_MILLISECONDS,
    });
    this.rules = { includePath: createPathFilter(settings), maxFileBytes: settings.maxFileBytes };
  }

  async scan({ cursor, signal }: ScanOptions): Promise<ScanPlan> {
    const { branch, head } = await this.clone.update(signal);
    this.known = { branch, head };
    if (head === undefined) return { mode: 'full', items: noItems() };
    if (cursor === head) return { mode: 'delta', items: noItems(), cursor: head };

    const reader = new BlobReader(this.clone.directory, signal);
    if (cursor !== undefined && (await this.clone.hasCommit(cursor, signal))) {
      const changes = await this.clone.diffTrees(cursor, head, signal);
      const changedBlobs = changes.filter((change) => change.status !== 'D').map((change) => change.objectId);
      const sizes = await this.clone.objectSizes(changedBlobs, signal);
      return {
        mode: 'delta',
        items: deltaScanItems(changes, sizes, this.rules, reader, signal),
        cursor: head,
      };
    }
    // No cursor, or one the repository no longer has (a force-push, a fresh clone of another URL).
    const entries = await this.clone.listTree(head, signal);
    return { mode: 'full', items: fullScanItems(entries, this.rules, reader, signal), cursor: head };
  }

  link(uri: string, lines?: LineRange): string | undefined {
    if (!this.settings.urlTemplate) return undefined;
    this.known ??= this.clone.stateSync();
    const branch = this.settings.branch ?? this.known?.branch;
    return buildLink(this.settings, { path: uri, commit: this.known?.head, branch }, lines);
  }
}

async function* noItems(): AsyncGenerator<ScanItem> {}
