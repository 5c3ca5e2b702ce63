import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpravkaError } from '../../errors/index.js';
import { type GitSettings, gitSettingsSchema } from '../config.js';
import type { ScanItem, ScanPlan, SourceEntry } from '../types.js';
import { GitConnector } from './git-connector.js';

// Fixture repositories are made with the git CLI, isolated from the user's git configuration.
const fixtureEnvironment = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
};

function git(repository: string, ...args: string[]): string {
  return execFileSync('git', ['-C', repository, ...args], {
    env: fixtureEnvironment,
    encoding: 'utf8',
  }).trim();
}

async function writeFiles(repository: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(repository, path)), { recursive: true });
    await writeFile(join(repository, path), content);
  }
}

function commitAll(repository: string, message: string): string {
  git(repository, 'add', '--all');
  git(repository, 'commit', '--quiet', '--message', message);
  return git(repository, 'rev-parse', 'HEAD');
}

// "Привет" in Windows-1251: not valid UTF-8.
const CP1251_BYTES = new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x0a]);

const INITIAL_FILES = {
  'README.md': '# Project\n\nHello.\n',
  'docs/guide.md': '# Guide\n\nSteps.\n',
  'docs/private/secret.md': 'internal\n',
  'src/app.ts': 'export const answer = 42;\n',
  'legacy/cp1251.txt': CP1251_BYTES,
  'assets/logo.png': 'not really a png',
  'big.txt': 'x'.repeat(2000),
  'node_modules/lib/index.js': 'module.exports = 1;\n',
};

let workspace: string;
let source: string;
let firstCommit: string;

beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'spravka-git-'));
  source = join(workspace, 'source');
  await mkdir(source);
  git(source, 'init', '--quiet', '--initial-branch', 'main');
  await writeFiles(source, INITIAL_FILES);
  await symlink('README.md', join(source, 'readme-link.md'));
  git(source, 'add', '--all');
  // A submodule entry (a gitlink) without a real submodule behind it.
  git(source, 'update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/library`);
  git(source, 'commit', '--quiet', '--message', 'first');
  firstCommit = git(source, 'rev-parse', 'HEAD');
});

afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

let cloneCounter = 0;
function connector(overrides: Partial<GitSettings> = {}, repositoryDirectory?: string) {
  const settings = gitSettingsSchema.parse({ url: source, maxFileBytes: 1000, ...overrides });
  const directory = repositoryDirectory ?? join(workspace, 'data', `clone-${++cloneCounter}`);
  return { connector: new GitConnector(settings, { repositoryDirectory: directory }), directory };
}

async function collect(plan: ScanPlan): Promise<ScanItem[]> {
  const items: ScanItem[] = [];
  for await (const item of plan.items) items.push(item);
  return items;
}

function documents(items: ScanItem[]): SourceEntry[] {
  return items.flatMap((item) => (item.type === 'document' ? [item.entry] : []));
}

function uris(items: ScanItem[], type: ScanItem['type']): string[] {
  return items
    .flatMap((item) => (item.type !== type ? [] : [item.type === 'document' ? item.entry.uri : item.uri]))
    .sort();
}

async function scanError(promise: Promise<unknown>): Promise<SpravkaError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SpravkaError);
  return error as SpravkaError;
}

describe('GitConnector full scan', () => {
  it('lists committed files with blob fingerprints and skips binary, oversized, linked and submodule files', async () => {
    const { connector: git1 } = connector();
    const plan = await git1.scan({});
    expect(plan.mode).toBe('full');
    expect(plan.cursor).toBe(firstCommit);
    const items = await collect(plan);

    expect(uris(items, 'document')).toEqual([
      'README.md',
      'docs/guide.md',
      'docs/private/secret.md',
      'legacy/cp1251.txt',
      'src/app.ts',
    ]);
    for (const entry of documents(items)) {
      expect(entry.fingerprint).toBe(git(source, 'rev-parse', `HEAD:${entry.uri}`));
      expect(entry.version).toBeUndefined();
    }
    const skipped = Object.fromEntries(
      items.flatMap((item) => (item.type === 'skipped' ? [[item.uri, item.reason]] : [])),
    );
    expect(skipped).toEqual({
      'assets/logo.png': 'binary',
      'big.txt': 'too_large',
      'readme-link.md': 'excluded',
      'vendor/library': 'excluded',
    });
  });

  it('reads the exact bytes of each blob, including a file that is not UTF-8', async () => {
    const items = await collect(await connector().connector.scan({}));
    const byUri = new Map(documents(items).map((entry) => [entry.uri, entry]));
    const reads = await Promise.all([...byUri.values()].map((entry) => entry.read()));
    expect(reads.every((bytes) => bytes instanceof Uint8Array)).toBe(true);
    expect(await byUri.get('legacy/cp1251.txt')?.read()).toEqual(CP1251_BYTES);
    expect(new TextDecoder().decode(await byUri.get('README.md')?.read())).toBe(INITIAL_FILES['README.md']);
    expect(byUri.get('src/app.ts')?.size).toBe(INITIAL_FILES['src/app.ts'].length);
  });

  it('applies include and exclude globs on top of the built-in excludes', async () => {
    const { connector: filtered } = connector({ include: ['docs/**', '*.md'], exclude: ['docs/private/**'] });
    const items = await collect(await filtered.scan({}));
    expect(uris(items, 'document')).toEqual(['README.md', 'docs/guide.md']);
    expect(uris(items, 'skipped')).toEqual(['readme-link.md']);
  });

  it('reads entries after the iteration has ended, as sync does', async () => {
    const items = await collect(await connector().connector.scan({}));
    const entries = documents(items);
    const contents = await Promise.all(entries.map((entry) => entry.read()));
    expect(contents.map((bytes) => bytes.length)).toEqual(entries.map((entry) => entry.size));
    const again = await entries[0]?.read();
    expect(new TextDecoder().decode(again)).toBe(INITIAL_FILES['README.md']);
  });

  it('still reads an entry after the consumer stopped iterating early', async () => {
    const plan = await connector().connector.scan({});
    let first: SourceEntry | undefined;
    for await (const item of plan.items) {
      if (item.type === 'document') {
        first = item.entry;
        break;
      }
    }
    expect(first?.uri).toBe('README.md');
    expect(new TextDecoder().decode(await first?.read())).toBe(INITIAL_FILES['README.md']);
  });

  it('falls back to a full scan when the cursor is unknown to the repository', async () => {
    const plan = await connector().connector.scan({ cursor: 'f'.repeat(40) });
    expect(plan.mode).toBe('full');
    expect(plan.cursor).toBe(firstCommit);
  });
});

describe('GitConnector delta scan', () => {
  let changed: string;
  let head: string;
  let git2: GitConnector;

  beforeAll(async () => {
    const repository = join(workspace, 'delta-source');
    execFileSync('git', ['clone', '--quiet', source, repository], { env: fixtureEnvironment });
    git2 = connector({ url: repository }).connector;
    await collect(await git2.scan({}));
    changed = git(repository, 'rev-parse', 'HEAD');
    await writeFiles(repository, { 'README.md': '# Project\n\nHello again.\n', 'docs/new.md': '# New\n' });
    await rm(join(repository, 'docs/guide.md'));
    head = commitAll(repository, 'second');
  });

  it('lists exactly the modified and added documents and the deletion since the cursor', async () => {
    const plan = await git2.scan({ cursor: changed });
    expect(plan.mode).toBe('delta');
    expect(plan.cursor).toBe(head);
    const items = await collect(plan);
    expect(items).toHaveLength(3);
    expect(uris(items, 'document')).toEqual(['README.md', 'docs/new.md']);
    expect(uris(items, 'deleted')).toEqual(['docs/guide.md']);
    const readme = documents(items).find((entry) => entry.uri === 'README.md');
    expect(new TextDecoder().decode(await readme?.read())).toBe('# Project\n\nHello again.\n');
  });

  it('gives an empty delta when the cursor is the head', async () => {
    const plan = await git2.scan({ cursor: head });
    expect(plan).toMatchObject({ mode: 'delta', cursor: head });
    expect(await collect(plan)).toEqual([]);
  });

  it('deletes a changed file that can no longer be indexed and reports why', async () => {
    const repository = join(workspace, 'delta-source');
    await writeFiles(repository, { 'README.md': 'x'.repeat(5000) });
    const third = commitAll(repository, 'third');
    const plan = await git2.scan({ cursor: head });
    expect(plan).toMatchObject({ mode: 'delta', cursor: third });
    expect(await collect(plan)).toEqual([
      { type: 'deleted', uri: 'README.md' },
      { type: 'skipped', uri: 'README.md', reason: 'too_large', detail: '5000 bytes' },
    ]);
  });
});

describe('GitConnector branches and links', () => {
  let releaseHead: string;

  beforeAll(async () => {
    git(source, 'checkout', '--quiet', '-b', 'release');
    await writeFiles(source, { 'RELEASE.md': '# Release notes\n' });
    releaseHead = commitAll(source, 'release');
    git(source, 'checkout', '--quiet', 'main');
  });

  it('indexes the configured branch, and the default branch otherwise', async () => {
    const release = await connector({ branch: 'release' }).connector.scan({});
    expect(release.cursor).toBe(releaseHead);
    expect(uris(await collect(release), 'document')).toContain('RELEASE.md');

    const main = await connector().connector.scan({});
    expect(main.cursor).toBe(firstCommit);
    expect(uris(await collect(main), 'document')).not.toContain('RELEASE.md');
  });

  it('builds GitLab-style links with the head commit and a line range, also before a scan', async () => {
    const urlTemplate = 'https://gitlab.example.com/group/project/-/blob/{commit}/{path}';
    const { connector: linked, directory } = connector({ branch: 'release', urlTemplate });
    await linked.scan({});
    const expected = `https://gitlab.example.com/group/project/-/blob/${releaseHead}/docs/guide.md#L10-20`;
    expect(linked.link('docs/guide.md', { start: 10, end: 20 })).toBe(expected);

    const fresh = connector({ branch: 'release', urlTemplate }, directory).connector;
    expect(fresh.link('docs/guide.md', { start: 10, end: 20 })).toBe(expected);

    const branchTemplate = 'https://gitlab.example.com/group/project/-/blob/{branch}/{path}';
    const byBranch = connector({ urlTemplate: branchTemplate }).connector;
    expect(byBranch.link('a b.md')).toBe('https://gitlab.example.com/group/project/-/blob/HEAD/a%20b.md');
    await byBranch.scan({});
    expect(byBranch.link('a b.md')).toBe('https://gitlab.example.com/group/project/-/blob/main/a%20b.md');
    expect(connector().connector.link('README.md')).toBeUndefined();
  });

  it('clones again when the settings point at another repository', async () => {
    const other = join(workspace, 'other-source');
    await mkdir(other);
    git(other, 'init', '--quiet', '--initial-branch', 'trunk');
    await writeFiles(other, { 'OTHER.md': '# Other\n' });
    const otherHead = commitAll(other, 'other');

    const { directory } = connector();
    await connector({}, directory).connector.scan({});
    const plan = await connector({ url: other }, directory).connector.scan({ cursor: firstCommit });
    expect(plan).toMatchObject({ mode: 'full', cursor: otherHead });
    expect(uris(await collect(plan), 'document')).toEqual(['OTHER.md']);
  });

  it('does not mistake a half-made clone for a good one', async () => {
    const { connector: git3, directory } = connector();
    await mkdir(join(directory, 'objects'), { recursive: true });
    await writeFile(join(directory, 'HEAD'), 'ref: refs/heads/main\n');
    await mkdir(`${directory}.partial-deadbeef`);
    const plan = await git3.scan({});
    expect(plan.cursor).toBe(firstCommit);
    expect(uris(await collect(plan), 'document')).toContain('README.md');
    expect(existsSync(`${directory}.partial-deadbeef`)).toBe(false);
  });
});

describe('GitConnector failures', () => {
  it("stops with the signal's reason when aborted", async () => {
    const reason = new Error('stopped');
    const error = await connector()
      .connector.scan({ signal: AbortSignal.abort(reason) })
      .catch((caught) => caught);
    expect(error).toBe(reason);
  });

  it('reports a local path that does not exist as source_unavailable', async () => {
    const { connector: missing, directory } = connector({ url: join(workspace, 'no-such-repository') });
    const error = await scanError(missing.scan({}));
    expect(error.code).toBe('source_unavailable');
    expect(error.message).toMatch(/Cannot clone the git repository .*no-such-repository.*does not exist/);
    expect(error.hint?.en).toMatch(/URL or local path/);
    expect(error.text.ru).toMatch(/Не удалось клонировать/);
    expect(existsSync(directory)).toBe(false);
    const leftovers = await readdir(dirname(directory));
    expect(leftovers.filter((name) => name.includes('.partial-'))).toEqual([]);
  });

  it('reports an unreachable server as source_unavailable', async () => {
    const started = Date.now();
    const error = await scanError(connector({ url: 'http://127.0.0.1:9/none.git' }).connector.scan({}));
    expect(error.code).toBe('source_unavailable');
    expect(error.message).toMatch(/127\.0\.0\.1.*(connect|refused)/i);
    expect(error.hint?.en).toMatch(/network/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('kills git and reports a server that never answers once the timeout has passed', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const settings = gitSettingsSchema.parse({ url: `http://127.0.0.1:${port}/silent.git` });
      const directory = join(workspace, 'data', 'silent');
      const silentConnector = new GitConnector(settings, {
        repositoryDirectory: directory,
        timeoutMilliseconds: 500,
      });
      const error = await scanError(silentConnector.scan({}));
      expect(error.code).toBe('source_unavailable');
      expect(error.message).toMatch(/timed out after 1 s/);
      expect(error.hint?.en).toMatch(/timeout/);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('reports an unknown branch as source_unavailable with a hint about the branch', async () => {
    const error = await scanError(connector({ branch: 'no-such-branch' }).connector.scan({}));
    expect(error.code).toBe('source_unavailable');
    expect(error.message).toMatch(/no-such-branch/);
    expect(error.hint?.en).toMatch(/branch/);
  });

  it('keeps the clone when a fetch fails after a good sync', async () => {
    const moving = join(workspace, 'moving-source');
    execFileSync('git', ['clone', '--quiet', source, moving], { env: fixtureEnvironment });
    const urlTemplate = 'https://example.com/{commit}/{path}';
    const { connector: git4, directory } = connector({ url: moving, urlTemplate });
    const plan = await git4.scan({});
    await collect(plan);

    await rename(moving, `${moving}-renamed`);
    const error = await scanError(git4.scan({ cursor: plan.cursor }));
    expect(error.code).toBe('source_unavailable');
    expect(error.message).toMatch(
      /Cannot fetch from the git repository .*moving-source.*not appear to be a git repository/,
    );
    expect(existsSync(join(directory, 'HEAD'))).toBe(true);
    const fresh = connector({ url: moving, urlTemplate }, directory).connector;
    expect(fresh.link('README.md')).toBe(`https://example.com/${plan.cursor}/README.md`);

    await rename(`${moving}-renamed`, moving);
    const again = await git4.scan({ cursor: plan.cursor });
    expect(again).toMatchObject({ mode: 'delta', cursor: plan.cursor });
  });
});
