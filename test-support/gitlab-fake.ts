import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local GitLab that answers the REST v4 calls spravka makes as GitLab documents them
 * (https://docs.gitlab.com/ee/api/rest/): `PRIVATE-TOKEN` auth, offset pagination with `x-page`,
 * `x-per-page`, `x-next-page`, `x-prev-page`, `x-total`, `x-total-pages` and a `Link` header, keyset
 * pagination (`pagination=keyset`, a `Link` rel="next" with `page_token` and no totals) for the tree,
 * GitLab's `{"message":"404 Project Not Found"}` error bodies, and 429 with `Retry-After`.
 *
 * Tests change its data (commits that write, delete and rename files, issues, notes, members), read how
 * many requests each path got, and script failures: the next N requests fail with a status, or stall.
 */

export interface FakeUser {
  id: number;
  username: string;
  name: string;
}

export interface FakeIssueInput {
  iid?: number;
  title?: string;
  description?: string | null;
  state?: 'opened' | 'closed';
  labels?: string[];
  assignees?: FakeUser[];
  confidential?: boolean;
}

interface Commit {
  id: string;
  message: string;
  date: string;
  files: Map<string, string>;
}

interface Issue {
  id: number;
  iid: number;
  title: string;
  description: string | null;
  state: 'opened' | 'closed';
  labels: string[];
  author: FakeUser;
  assignees: FakeUser[];
  confidential: boolean;
  created_at: string;
  updated_at: string;
  notes: Note[];
}

interface Note {
  id: number;
  body: string;
  author: FakeUser;
  system: boolean;
  internal: boolean;
  created_at: string;
  updated_at: string;
}

interface Project {
  id: number;
  path: string;
  groupId: number;
  visibility: 'private' | 'internal' | 'public';
  defaultBranch: string;
  branches: Map<string, string>;
  commits: Map<string, Commit>;
  issues: Issue[];
  members: Array<FakeUser & { access_level: number; state: string }>;
}

interface Group {
  id: number;
  fullPath: string;
  parentId: number | undefined;
}

interface ScriptedFailure {
  status: number | 'stall';
  retryAfterSeconds?: number;
  /** Only requests whose path contains this fail; others pass. */
  pathIncludes?: string;
}

export const FAKE_AUTHOR: FakeUser = { id: 1, username: 'root', name: 'Administrator' };

export class GitLabFake {
  readonly url: string;
  /** The token that is accepted; any other (or none) gets 401. */
  readonly token: string;
  private readonly groups = new Map<number, Group>();
  private readonly projects = new Map<number, Project>();
  private readonly counts = new Map<string, number>();
  private readonly failures: ScriptedFailure[] = [];
  private nextId = 100;
  private clock = Date.parse('2024-01-01T00:00:00Z');

  private constructor(
    private readonly server: Server,
    token: string,
  ) {
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.token = token;
  }

  static async create(options: { token?: string } = {}): Promise<GitLabFake> {
    let fake: GitLabFake | undefined;
    const server = createServer((request, response) => fake?.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new GitLabFake(server, options.token ?? 'glpat-fake-secret-token');
    return fake;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- data -------------------------------------------------------------------------------------

  addGroup(fullPath: string, parentId?: number): number {
    const id = this.nextId++;
    this.groups.set(id, { id, fullPath, parentId });
    return id;
  }

  /** A project in a group with one initial commit on its default branch; returns its id. */
  addProject(
    groupId: number,
    path: string,
    options: {
      files?: Record<string, string>;
      visibility?: Project['visibility'];
      defaultBranch?: string;
    } = {},
  ): number {
    const id = this.nextId++;
    const defaultBranch = options.defaultBranch ?? 'main';
    this.projects.set(id, {
      id,
      path,
      groupId,
      visibility: options.visibility ?? 'private',
      defaultBranch,
      branches: new Map(),
      commits: new Map(),
      issues: [],
      members: [{ ...FAKE_AUTHOR, access_level: 50, state: 'active' }],
    });
    this.commit(id, { write: options.files ?? {}, message: 'Initial commit' });
    return id;
  }

  /** A new commit on `branch` (the default one unless given): writes, deletes, renames. Returns its id. */
  commit(
    projectId: number,
    change: {
      write?: Record<string, string>;
      remove?: string[];
      rename?: Record<string, string>;
      message?: string;
      branch?: string;
    },
  ): string {
    const project = this.project(projectId);
    const branch = change.branch ?? project.defaultBranch;
    const head = project.branches.get(branch);
    const files = new Map(head ? project.commits.get(head)?.files : undefined);
    for (const [from, to] of Object.entries(change.rename ?? {})) {
      const content = files.get(from);
      if (content === undefined) throw new Error(`no file ${from} to rename`);
      files.delete(from);
      files.set(to, content);
    }
    for (const path of change.remove ?? []) files.delete(path);
    for (const [path, content] of Object.entries(change.write ?? {})) files.set(path, content);
    const date = this.tick();
    const id = sha1(`commit ${projectId} ${branch} ${head ?? ''} ${date} ${project.commits.size}`);
    project.commits.set(id, { id, message: change.message ?? 'Update', date, files });
    project.branches.set(branch, id);
    return id;
  }

  /** Creates an issue, or updates the one with `iid`; either way its updated_at moves to now. */
  upsertIssue(projectId: number, input: FakeIssueInput): number {
    const project = this.project(projectId);
    const now = this.tick();
    const existing = project.issues.find((issue) => issue.iid === input.iid);
    if (existing) {
      Object.assign(existing, definedOnly(input), { updated_at: now });
      return existing.iid;
    }
    const iid = input.iid ?? project.issues.length + 1;
    project.issues.push({
      id: this.nextId++,
      iid,
      title: input.title ?? `Issue ${iid}`,
      description: input.description ?? null,
      state: input.state ?? 'opened',
      labels: input.labels ?? [],
      author: FAKE_AUTHOR,
      assignees: input.assignees ?? [],
      confidential: input.confidential ?? false,
      created_at: now,
      updated_at: now,
      notes: [],
    });
    return iid;
  }

  addNote(
    projectId: number,
    iid: number,
    body: string,
    options: { system?: boolean; internal?: boolean } = {},
  ) {
    const issue = this.project(projectId).issues.find((candidate) => candidate.iid === iid);
    if (!issue) throw new Error(`no issue #${iid}`);
    const now = this.tick();
    issue.notes.push({
      id: this.nextId++,
      body,
      author: FAKE_AUTHOR,
      system: options.system ?? false,
      internal: options.internal ?? false,
      created_at: now,
      updated_at: now,
    });
    issue.updated_at = now;
  }

  addMember(projectId: number, user: FakeUser, accessLevel: number, state = 'active'): void {
    this.project(projectId).members.push({ ...user, access_level: accessLevel, state });
  }

  /** The head commit id of a branch (the default one unless given). */
  head(projectId: number, branch?: string): string {
    const project = this.project(projectId);
    const id = project.branches.get(branch ?? project.defaultBranch);
    if (!id) throw new Error(`no branch ${branch}`);
    return id;
  }

  /** The fake's clock, an ISO date that moves a minute forward at each change. */
  now(): string {
    return new Date(this.clock).toISOString();
  }

  // ---- observation and failures -----------------------------------------------------------------

  /** How many requests a path (e.g. `/api/v4/projects/101/repository/tree`) got, failed ones included. */
  requestCount(pathname: string): number {
    return this.counts.get(pathname) ?? 0;
  }

  totalRequests(): number {
    return [...this.counts.values()].reduce((sum, count) => sum + count, 0);
  }

  /** The next `count` matching requests answer `status` (429 with `Retry-After`) or never answer. */
  failNext(
    count: number,
    status: number | 'stall',
    options: { retryAfterSeconds?: number; pathIncludes?: string } = {},
  ): void {
    for (let index = 0; index < count; index++) this.failures.push({ status, ...options });
  }

  // ---- HTTP -------------------------------------------------------------------------------------

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', this.url);
    const rawPath = (request.url ?? '/').split('?')[0] ?? '/';
    this.counts.set(rawPath, (this.counts.get(rawPath) ?? 0) + 1);
    const failure = this.takeFailure(rawPath);
    if (failure?.status === 'stall') return; // Holds the socket until the client gives up or close().
    write(response, this.answer(rawPath, url, request, failure));
  }

  private answer(
    rawPath: string,
    url: URL,
    request: IncomingMessage,
    failure: ScriptedFailure | undefined,
  ): Answer {
    if (failure && failure.status !== 'stall') {
      const headers: Record<string, string> = {};
      if (failure.status === 429) headers['retry-after'] = String(failure.retryAfterSeconds ?? 0);
      return json(failure.status, { message: statusMessage(failure.status) }, headers);
    }
    const token = request.headers['private-token'] ?? bearer(request.headers.authorization);
    if (token !== this.token) return json(401, { message: '401 Unauthorized' });
    if (request.method !== 'GET') return json(405, { message: '405 Method Not Allowed' });
    try {
      return this.route(rawPath, url);
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      return json(404, { message: error.message ? `404 ${error.message} Not Found` : '404 Not Found' });
    }
  }

  private route(rawPath: string, url: URL): Answer {
    const parts = rawPath.split('/').slice(3).map(decodeURIComponent); // after /api/v4
    const query = url.searchParams;
    const [kind, id, ...rest] = parts;
    if (kind === 'groups' && id !== undefined && rest.join('/') === 'projects') {
      const group = this.findGroup(id);
      const ids = query.get('include_subgroups') === 'true' ? this.descendants(group.id) : [group.id];
      const projects = [...this.projects.values()]
        .filter((project) => ids.includes(project.groupId))
        .sort((a, b) => a.id - b.id);
      return this.paginate(
        url,
        projects.map((project) => this.projectJson(project)),
      );
    }
    if (kind !== 'projects' || id === undefined) throw new NotFound('');
    const project = this.findProject(id);
    const route = rest.join('/');
    if (route === '') return json(200, this.projectJson(project));
    if (route === 'repository/tree') {
      const commit = this.resolve(project, query.get('ref') ?? project.defaultBranch);
      const entries = treeEntries(commit.files, query.get('recursive') === 'true');
      if (query.get('pagination') === 'keyset') return this.keyset(url, entries);
      return this.paginate(url, entries);
    }
    if (rest[0] === 'repository' && rest[1] === 'files' && rest[3] === 'raw' && rest.length === 4) {
      const commit = this.resolve(project, query.get('ref') ?? project.defaultBranch);
      const content = commit.files.get(rest[2] ?? '');
      if (content === undefined) throw new NotFound('File');
      return {
        status: 200,
        body: content,
        headers: { 'content-type': 'text/plain; charset=utf-8', 'x-gitlab-blob-id': blobId(content) },
      };
    }
    if (route === 'repository/compare') return json(200, this.compare(project, query));
    if (rest[0] === 'repository' && rest[1] === 'branches' && rest.length === 3) {
      const commitId = project.branches.get(rest[2] ?? '');
      if (!commitId) throw new NotFound('Branch');
      const commit = project.commits.get(commitId) as Commit;
      return json(200, {
        name: rest[2],
        merged: false,
        protected: rest[2] === project.defaultBranch,
        default: rest[2] === project.defaultBranch,
        web_url: `${this.webUrl(project)}/-/tree/${rest[2]}`,
        commit: commitJson(commit, this.webUrl(project)),
      });
    }
    if (route === 'issues') {
      const after = query.get('updated_after');
      const issues = project.issues
        .filter((issue) => !after || Date.parse(issue.updated_at) >= Date.parse(after))
        .sort(issueOrder(query.get('order_by') ?? 'created_at', query.get('sort') ?? 'desc'))
        .map((issue) => this.issueJson(project, issue));
      return this.paginate(url, issues);
    }
    if (rest[0] === 'issues' && rest[2] === 'notes' && rest.length === 3) {
      const issue = project.issues.find((candidate) => String(candidate.iid) === rest[1]);
      if (!issue) throw new NotFound('Issue');
      const notes = issue.notes.map((note) => ({
        ...note,
        type: null,
        noteable_id: issue.id,
        noteable_iid: issue.iid,
        noteable_type: 'Issue',
        project_id: project.id,
        confidential: note.internal,
        resolvable: false,
      }));
      if (query.get('sort') !== 'asc') notes.reverse();
      return this.paginate(url, notes);
    }
    if (route === 'members/all') {
      return this.paginate(
        url,
        project.members.map((member) => ({
          ...member,
          avatar_url: null,
          web_url: `${this.url}/${member.username}`,
          expires_at: null,
          created_at: '2023-12-01T00:00:00.000Z',
        })),
      );
    }
    throw new NotFound('');
  }

  /** Offset pagination, with every header GitLab documents. */
  private paginate(url: URL, items: unknown[]): Answer {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 20) || 20));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const totalPages = Math.max(1, Math.ceil(items.length / perPage));
    const link = (target: number) => {
      const next = new URL(url);
      next.searchParams.set('page', String(target));
      next.searchParams.set('per_page', String(perPage));
      return next.toString();
    };
    const links = [
      page > 1 ? `<${link(page - 1)}>; rel="prev"` : undefined,
      page < totalPages ? `<${link(page + 1)}>; rel="next"` : undefined,
      `<${link(1)}>; rel="first"`,
      `<${link(totalPages)}>; rel="last"`,
    ].filter(Boolean);
    return json(200, items.slice((page - 1) * perPage, page * perPage), {
      'x-page': String(page),
      'x-per-page': String(perPage),
      'x-next-page': page < totalPages ? String(page + 1) : '',
      'x-prev-page': page > 1 ? String(page - 1) : '',
      'x-total': String(items.length),
      'x-total-pages': String(totalPages),
      link: links.join(', '),
    });
  }

  /** Keyset pagination as the tree answers it: only a `Link` rel="next" carrying a `page_token`. */
  private keyset(url: URL, entries: Array<{ path: string }>): Answer {
    const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 20) || 20));
    const token = url.searchParams.get('page_token');
    const after = token ? Buffer.from(token, 'base64').toString('utf8') : undefined;
    const start = after === undefined ? 0 : entries.findIndex((entry) => entry.path > after);
    const slice = start < 0 ? [] : entries.slice(start, start + perPage);
    const last = slice.at(-1);
    const headers: Record<string, string> = {};
    if (last && start + perPage < entries.length) {
      const next = new URL(url);
      next.searchParams.set('page_token', Buffer.from(last.path).toString('base64'));
      headers.link = `<${next}>; rel="next"`;
    }
    return json(200, slice, headers);
  }

  private compare(project: Project, query: URLSearchParams) {
    const from = this.resolve(project, query.get('from') ?? '');
    const to = this.resolve(project, query.get('to') ?? '');
    const added = [...to.files].filter(([path]) => !from.files.has(path));
    const removed = [...from.files].filter(([path]) => !to.files.has(path));
    const diffs: unknown[] = [];
    for (const [path, content] of to.files) {
      const before = from.files.get(path);
      if (before !== undefined && before !== content)
        diffs.push(diffJson(path, path, { diff: `-${before}\n+${content}` }));
    }
    for (const [path, content] of added) {
      const source = removed.find(([, old]) => old === content);
      if (source) {
        removed.splice(removed.indexOf(source), 1);
        diffs.push(diffJson(source[0], path, { renamed_file: true }));
      } else {
        diffs.push(diffJson(path, path, { new_file: true, diff: `+${content}` }));
      }
    }
    for (const [path, content] of removed)
      diffs.push(diffJson(path, path, { deleted_file: true, diff: `-${content}` }));
    const same = from.id === to.id;
    return {
      commit: same ? null : commitJson(to, this.webUrl(project)),
      commits: same ? [] : [commitJson(to, this.webUrl(project))],
      diffs,
      compare_timeout: false,
      compare_same_ref: same,
      web_url: `${this.webUrl(project)}/-/compare/${from.id}...${to.id}`,
    };
  }

  private takeFailure(path: string): ScriptedFailure | undefined {
    const index = this.failures.findIndex(
      (failure) => !failure.pathIncludes || path.includes(failure.pathIncludes),
    );
    return index < 0 ? undefined : this.failures.splice(index, 1)[0];
  }

  private projectJson(project: Project) {
    const group = this.groups.get(project.groupId) as Group;
    const head = project.commits.get(project.branches.get(project.defaultBranch) ?? '');
    return {
      id: project.id,
      name: project.path,
      path: project.path,
      path_with_namespace: `${group.fullPath}/${project.path}`,
      name_with_namespace: `${group.fullPath.split('/').join(' / ')} / ${project.path}`,
      namespace: { id: group.id, full_path: group.fullPath, kind: 'group' },
      web_url: this.webUrl(project),
      http_url_to_repo: `${this.webUrl(project)}.git`,
      default_branch: project.defaultBranch,
      visibility: project.visibility,
      archived: false,
      empty_repo: head === undefined || head.files.size === 0,
      created_at: '2023-12-01T00:00:00.000Z',
      last_activity_at: head?.date ?? '2023-12-01T00:00:00.000Z',
    };
  }

  private issueJson(project: Project, issue: Issue) {
    const { notes, ...fields } = issue;
    return {
      ...fields,
      project_id: project.id,
      closed_at: issue.state === 'closed' ? issue.updated_at : null,
      assignee: issue.assignees[0] ?? null,
      user_notes_count: notes.filter((note) => !note.system).length,
      web_url: `${this.webUrl(project)}/-/issues/${issue.iid}`,
      references: { short: `#${issue.iid}` },
    };
  }

  private webUrl(project: Project): string {
    return `${this.url}/${(this.groups.get(project.groupId) as Group).fullPath}/${project.path}`;
  }

  private project(id: number): Project {
    const project = this.projects.get(id);
    if (!project) throw new Error(`no project ${id}`);
    return project;
  }

  private findProject(reference: string): Project {
    for (const project of this.projects.values()) {
      const group = this.groups.get(project.groupId) as Group;
      if (String(project.id) === reference || `${group.fullPath}/${project.path}` === reference)
        return project;
    }
    throw new NotFound('Project');
  }

  private findGroup(reference: string): Group {
    for (const group of this.groups.values()) {
      if (String(group.id) === reference || group.fullPath === reference) return group;
    }
    throw new NotFound('Group');
  }

  private descendants(groupId: number): number[] {
    const children = [...this.groups.values()].filter((group) => group.parentId === groupId);
    return [groupId, ...children.flatMap((child) => this.descendants(child.id))];
  }

  /** A branch name or a commit id. */
  private resolve(project: Project, ref: string): Commit {
    const commit = project.commits.get(project.branches.get(ref) ?? ref);
    if (!commit) throw new NotFound('Tree');
    return commit;
  }

  private tick(): string {
    this.clock += 60_000;
    return this.now();
  }
}

class NotFound extends Error {}

/** An HTTP answer: a JSON body is already serialised. */
interface Answer {
  status: number;
  body: string;
  headers: Record<string, string>;
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return { status, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } };
}

function write(response: ServerResponse, answer: Answer): void {
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body);
}

function statusMessage(status: number): string {
  const messages: Record<number, string> = {
    401: '401 Unauthorized',
    403: '403 Forbidden',
    404: '404 Project Not Found',
    429: 'Retry later',
    500: '500 Internal Server Error',
    502: '502 Bad Gateway',
    503: '503 Service Unavailable',
  };
  return messages[status] ?? `${status}`;
}

function bearer(header: string | undefined): string | undefined {
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

function sha1(value: string): string {
  return createHash('sha1').update(value).digest('hex');
}

/** The git blob id of a content, as GitLab's tree gives it. */
export function blobId(content: string): string {
  const bytes = Buffer.from(content);
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function treeEntries(files: Map<string, string>, recursive: boolean) {
  const directories = new Set<string>();
  for (const path of files.keys()) {
    const parts = path.split('/');
    for (let depth = 1; depth < parts.length; depth++) directories.add(parts.slice(0, depth).join('/'));
  }
  const entries = [
    ...[...directories].map((path) => ({ id: sha1(`tree ${path}`), path, type: 'tree', mode: '040000' })),
    ...[...files].map(([path, content]) => ({ id: blobId(content), path, type: 'blob', mode: '100644' })),
  ]
    .filter((entry) => recursive || !entry.path.includes('/'))
    .map((entry) => ({ ...entry, name: entry.path.split('/').at(-1) ?? entry.path }));
  return entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function commitJson(commit: Commit, projectUrl: string) {
  return {
    id: commit.id,
    short_id: commit.id.slice(0, 8),
    title: commit.message,
    message: commit.message,
    author_name: FAKE_AUTHOR.name,
    authored_date: commit.date,
    committed_date: commit.date,
    parent_ids: [],
    web_url: `${projectUrl}/-/commit/${commit.id}`,
  };
}

function diffJson(
  oldPath: string,
  newPath: string,
  flags: { new_file?: boolean; renamed_file?: boolean; deleted_file?: boolean; diff?: string },
) {
  return {
    old_path: oldPath,
    new_path: newPath,
    a_mode: flags.new_file ? '0' : '100644',
    b_mode: flags.deleted_file ? '0' : '100644',
    new_file: flags.new_file ?? false,
    renamed_file: flags.renamed_file ?? false,
    deleted_file: flags.deleted_file ?? false,
    diff: flags.diff ?? '',
  };
}

function issueOrder(orderBy: string, sort: string) {
  const key = orderBy === 'updated_at' ? 'updated_at' : 'created_at';
  const direction = sort === 'asc' ? 1 : -1;
  return (a: Issue, b: Issue) => direction * (Date.parse(a[key]) - Date.parse(b[key]) || a.id - b.id);
}

function definedOnly<Input extends object>(input: Input): Partial<Input> {
  return Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as Partial<Input>;
}
