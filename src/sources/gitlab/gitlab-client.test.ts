import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobId, GitLabFake } from '../../../test-support/gitlab-fake.js';
import { SpravkaError } from '../../errors/index.js';
import { projectSchema } from './gitlab-schemas.js';
import { GitLabClient, type GitLabClientOptions } from './index.js';

let fake: GitLabFake;
let groupId: number;
let projectId: number;

beforeEach(async () => {
  fake = await GitLabFake.create();
  groupId = fake.addGroup('acme');
  projectId = fake.addProject(groupId, 'docs', {
    files: { 'README.md': '# Docs', 'guide/install.md': 'Install it.', 'guide/backup.md': 'Back it up.' },
  });
});

afterEach(async () => {
  await fake.close();
});

function client(options: Partial<GitLabClientOptions> = {}): GitLabClient {
  return new GitLabClient({ baseUrl: fake.url, token: fake.token, backoffMilliseconds: 1, ...options });
}

async function collect<Item>(items: AsyncIterable<Item>): Promise<Item[]> {
  const all: Item[] = [];
  for await (const item of items) all.push(item);
  return all;
}

async function failure(promise: Promise<unknown>): Promise<SpravkaError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SpravkaError);
  return error as SpravkaError;
}

function everyText(error: SpravkaError): string {
  return JSON.stringify([error.message, error.text, error.hint]);
}

describe('GitLabClient', () => {
  it('follows the pages of a group and its subgroups, one request per page', async () => {
    const subgroup = fake.addGroup('acme/platform', groupId);
    for (const name of ['api', 'web', 'infra']) fake.addProject(subgroup, name);
    fake.addProject(fake.addGroup('other'), 'elsewhere');

    const gitlab = client({ perPage: 2 });
    const pages = await collect(
      gitlab.pages(`/groups/${groupId}/projects`, projectSchema, {
        query: { include_subgroups: true },
      }),
    );
    expect(pages.map((page) => page.length)).toEqual([2, 2]);
    expect(fake.requestCount(`/api/v4/groups/${groupId}/projects`)).toBe(2);

    const projects = await collect(gitlab.groupProjects('acme'));
    expect(projects.map((project) => project.path_with_namespace)).toEqual([
      'acme/docs',
      'acme/platform/api',
      'acme/platform/web',
      'acme/platform/infra',
    ]);
    expect(projects[0]).toMatchObject({ id: projectId, default_branch: 'main', visibility: 'private' });
    expect(fake.requestCount('/api/v4/groups/acme/projects')).toBe(2);
  });

  it('lists the tree with keyset pagination and reads raw files by path', async () => {
    const gitlab = client({ perPage: 2 });
    const project = await gitlab.project('acme/docs');
    expect(project).toMatchObject({ id: projectId, web_url: `${fake.url}/acme/docs` });

    const entries = await collect(gitlab.tree(project.id, 'main'));
    expect(entries.filter((entry) => entry.type === 'blob').map((entry) => [entry.path, entry.id])).toEqual([
      ['README.md', blobId('# Docs')],
      ['guide/backup.md', blobId('Back it up.')],
      ['guide/install.md', blobId('Install it.')],
    ]);
    expect(entries.find((entry) => entry.path === 'guide')?.type).toBe('tree');
    expect(fake.requestCount(`/api/v4/projects/${projectId}/repository/tree`)).toBe(2);

    const bytes = await gitlab.rawFile(project.id, 'guide/install.md', 'main');
    expect(new TextDecoder().decode(bytes)).toBe('Install it.');
    expect(fake.requestCount(`/api/v4/projects/${projectId}/repository/files/guide%2Finstall.md/raw`)).toBe(
      1,
    );
  });

  it('gives a branch head and the changes between two commits', async () => {
    const gitlab = client();
    const before = (await gitlab.branch(projectId, 'main')).commit.id;
    expect(before).toBe(fake.head(projectId));
    const after = fake.commit(projectId, {
      write: { 'README.md': '# Docs v2', 'guide/restore.md': 'Restore it.' },
      remove: ['guide/install.md'],
      rename: { 'guide/backup.md': 'ops/backup.md' },
    });
    expect((await gitlab.branch(projectId, 'main')).commit.id).toBe(after);

    const comparison = await gitlab.compare(projectId, before, after);
    expect(comparison.commit?.id).toBe(after);
    const summary = comparison.diffs.map((diff) => ({
      from: diff.old_path,
      to: diff.new_path,
      kind: diff.deleted_file
        ? 'deleted'
        : diff.renamed_file
          ? 'renamed'
          : diff.new_file
            ? 'new'
            : 'modified',
    }));
    expect(summary).toEqual(
      expect.arrayContaining([
        { from: 'README.md', to: 'README.md', kind: 'modified' },
        { from: 'guide/restore.md', to: 'guide/restore.md', kind: 'new' },
        { from: 'guide/install.md', to: 'guide/install.md', kind: 'deleted' },
        { from: 'guide/backup.md', to: 'ops/backup.md', kind: 'renamed' },
      ]),
    );
    expect(summary).toHaveLength(4);
  });

  it('lists issues updated since a time, their notes, and the members', async () => {
    const gitlab = client({ perPage: 1 });
    const first = fake.upsertIssue(projectId, { title: 'Backups fail', labels: ['ops'] });
    fake.upsertIssue(projectId, { title: 'Old question', state: 'closed' });
    const since = fake.now();
    fake.upsertIssue(projectId, { iid: first, description: 'Since Monday.' });
    fake.upsertIssue(projectId, { title: 'New idea' });
    fake.addNote(projectId, first, 'Looking into it.');
    fake.addNote(projectId, first, 'changed the description', { system: true });

    const all = await collect(gitlab.issues(projectId));
    expect(all).toHaveLength(3);
    const changed = await collect(gitlab.issues(projectId, { updatedAfter: since }));
    // GitLab's updated_after is inclusive: the issue changed exactly at `since` comes back too.
    expect(changed.map((issue) => [issue.title, issue.state])).toEqual([
      ['Old question', 'closed'],
      ['New idea', 'opened'],
      ['Backups fail', 'opened'],
    ]);
    expect(changed[2]).toMatchObject({
      iid: first,
      labels: ['ops'],
      description: 'Since Monday.',
      author: { username: 'root' },
      web_url: `${fake.url}/acme/docs/-/issues/${first}`,
    });

    const notes = await collect(gitlab.issueNotes(projectId, first));
    expect(notes.map((note) => [note.body, note.system])).toEqual([
      ['Looking into it.', false],
      ['changed the description', true],
    ]);
    expect(fake.requestCount(`/api/v4/projects/${projectId}/issues/${first}/notes`)).toBe(2);

    fake.addMember(projectId, { id: 7, username: 'alice', name: 'Alice' }, 30);
    const members = await collect(gitlab.members(projectId));
    expect(members.map((member) => [member.username, member.access_level])).toEqual([
      ['root', 50],
      ['alice', 30],
    ]);
  });

  it('does not retry a refused token and says which scopes it needs, without the token', async () => {
    const wrong = 'glpat-wrong-token-value';
    const error = await failure(client({ token: wrong }).project(projectId));
    expect(error.code).toBe('source_unavailable');
    expect(error.message).toContain('401 Unauthorized');
    expect(error.hint?.en).toContain('read_api');
    expect(error.hint?.ru).toContain('read_repository');
    expect(everyText(error)).not.toContain(wrong);
    expect(fake.requestCount(`/api/v4/projects/${projectId}`)).toBe(1);

    fake.failNext(1, 403);
    const forbidden = await failure(client().project(projectId));
    expect(forbidden.code).toBe('source_unavailable');
    expect(everyText(forbidden)).not.toContain(fake.token);
  });

  it('maps a missing project or group to source_invalid', async () => {
    const project = await failure(client().project('acme/nothing'));
    expect(project.code).toBe('source_invalid');
    expect(project.message).toContain('404 Project Not Found');
    const group = await failure(collect(client().groupProjects('nowhere')));
    expect(group.code).toBe('source_invalid');
    expect(group.hint?.en).toContain('token cannot see');
  });

  it('waits as long as a 429 Retry-After says, not its own backoff', async () => {
    fake.failNext(1, 429, { retryAfterSeconds: 0.05 });
    const started = Date.now();
    const project = await client({ backoffMilliseconds: 5_000 }).project(projectId);
    expect(project.id).toBe(projectId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(fake.requestCount(`/api/v4/projects/${projectId}`)).toBe(2);
  });

  it('retries server errors, then reports what to check once the retries are spent', async () => {
    fake.failNext(2, 500, { pathIncludes: '/repository/tree' });
    const entries = await collect(client({ retries: 2 }).tree(projectId, 'main'));
    expect(entries.length).toBeGreaterThan(0);
    expect(fake.requestCount(`/api/v4/projects/${projectId}/repository/tree`)).toBe(3);

    fake.failNext(2, 502);
    const error = await failure(client({ retries: 1 }).project(projectId));
    expect(error.code).toBe('source_unavailable');
    expect(error.hint?.en).toContain('base URL');
    expect(everyText(error)).not.toContain(fake.token);
  });

  it('gives up on a stalled request after the timeout, retrying it first', async () => {
    fake.failNext(1, 'stall');
    const gitlab = client({ timeoutMilliseconds: 150, retries: 1 });
    expect((await gitlab.project(projectId)).id).toBe(projectId);

    fake.failNext(2, 'stall');
    const error = await failure(gitlab.project(projectId));
    expect(error.code).toBe('source_unavailable');
    expect(error.message).toContain('no answer within 150 ms');
  });

  it('stops at once when the caller aborts, with the caller’s reason', async () => {
    fake.failNext(1, 'stall');
    const controller = new AbortController();
    const reason = new Error('the sync was cancelled');
    setTimeout(() => controller.abort(reason), 50);
    const started = Date.now();
    await expect(
      client({ timeoutMilliseconds: 10_000 }).rawFile(projectId, 'README.md', 'main', {
        signal: controller.signal,
      }),
    ).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(2_000);

    const aborted = AbortSignal.abort(reason);
    await expect(collect(client().issues(projectId, { signal: aborted }))).rejects.toBe(reason);
  });
});
