/**
 * Parsers for the NUL-separated output of `git ls-tree -r -z --long` and `git diff-tree -r -z --raw`.
 * With -z paths are written as they are (no quoting), so a path may hold tabs, quotes or newlines.
 */

/** A full object id: SHA-1 (40 hex digits) or SHA-256 (64). */
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/** Whether `value` is a full object id (and so safe to pass to git: no option, no revision syntax). */
export function isObjectId(value: string): boolean {
  return OBJECT_ID.test(value);
}

/** Git's file modes: a regular file, an executable, a symbolic link, a submodule (a commit). */
export const FILE_MODES = { regular: '100644', executable: '100755', symlink: '120000', submodule: '160000' };

/** One file of a tree, as `git ls-tree -r --long` lists it. */
export interface TreeEntry {
  mode: string;
  objectId: string;
  /** Size in bytes of a blob; undefined for a submodule. */
  size: number | undefined;
  path: string;
}

/** One changed path between two trees, as `git diff-tree -r --raw --no-renames` lists it. */
export interface TreeChange {
  /** A added, D deleted, M modified, T type changed (a file became a symbolic link…). */
  status: string;
  /** Mode after the change; `000000` for a deletion. */
  mode: string;
  /** Object id after the change; all zeros for a deletion. */
  objectId: string;
  path: string;
}

export function isRegularFile(mode: string): boolean {
  return mode === FILE_MODES.regular || mode === FILE_MODES.executable;
}

/** Parses `<mode> SP <type> SP <id> SP+ <size> TAB <path> NUL`… */
export function parseTreeListing(output: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of splitRecords(output)) {
    const tab = record.indexOf('\t');
    if (tab === -1) throw new Error(`Unexpected git ls-tree output: ${record}`);
    const [mode = '', , objectId = '', size = ''] = record.slice(0, tab).split(/ +/);
    entries.push({
      mode,
      objectId,
      size: size === '-' ? undefined : Number(size),
      path: record.slice(tab + 1),
    });
  }
  return entries;
}

/** Parses `:<old mode> <new mode> <old id> <new id> <status> NUL <path> NUL`… */
export function parseTreeDiff(output: Buffer): TreeChange[] {
  const changes: TreeChange[] = [];
  const records = splitRecords(output);
  for (let index = 0; index < records.length; index++) {
    const header = records[index] ?? '';
    if (!header.startsWith(':')) throw new Error(`Unexpected git diff-tree output: ${header}`);
    const [, mode = '', , objectId = '', status = ''] = header.slice(1).split(' ');
    // Renames and copies name a source and a destination path; --no-renames should prevent them.
    if (status.startsWith('R') || status.startsWith('C')) index++;
    index++;
    const path = records[index];
    if (path === undefined) throw new Error(`Truncated git diff-tree output after: ${header}`);
    changes.push({ status: status.charAt(0), mode, objectId, path });
  }
  return changes;
}

function splitRecords(output: Buffer): string[] {
  const records: string[] = [];
  let start = 0;
  while (start < output.length) {
    let end = output.indexOf(0, start);
    if (end === -1) end = output.length;
    records.push(output.toString('utf8', start, end));
    start = end + 1;
  }
  return records;
}
