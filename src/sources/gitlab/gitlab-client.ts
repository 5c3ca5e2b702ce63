import type { z } from 'zod';
import {
  type Connection,
  describeError,
  HttpFailure,
  type RequestOptions,
  requestJson,
  sendWithRetries,
} from '../../http/index.js';
import { gitlabError } from './gitlab-errors.js';
import {
  branchSchema,
  comparisonSchema,
  type GitLabBranch,
  type GitLabComparison,
  type GitLabIssue,
  type GitLabMember,
  type GitLabNote,
  type GitLabProject,
  type GitLabTreeEntry,
  issueSchema,
  memberSchema,
  noteSchema,
  projectSchema,
  treeEntrySchema,
} from './gitlab-schemas.js';
import { nextPageQuery } from './next-page.js';

export interface GitLabClientOptions {
  /** The GitLab address, e.g. https://gitlab.example.com (with or without a trailing /api/v4). */
  baseUrl: string;
  /** A personal, project or group access token with the read_api and read_repository scopes. */
  token: string;
  /** Per attempt, until the whole answer is read. */
  timeoutMilliseconds?: number;
  /** Retries after the first attempt, for network errors, timeouts, 408, 429 (after Retry-After) and 5xx. */
  retries?: number;
  /** First backoff between retries; doubles each time, capped at 10 s. */
  backoffMilliseconds?: number;
  /** Items per page of lists (GitLab allows at most 100). */
  perPage?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

/** A project by numeric id or by full path (`group/subgroup/project`). */
export type ProjectReference = number | string;

type Query = Record<string, string | number | boolean | undefined>;

interface Page<Item> {
  items: Item[];
  /** The query of the next page; undefined on the last one. */
  next: URLSearchParams | undefined;
}

/**
 * The GitLab REST v4 calls a GitLab connector needs. Every answer is validated by a schema of only the
 * fields used; every failure (after retries) is a SpravkaError whose message never holds the token;
 * lists are async generators that fetch a page only when the previous one has been consumed.
 */
export class GitLabClient {
  private readonly apiUrl: string;
  private readonly token: string;
  private readonly perPage: number;
  private readonly request: Omit<RequestOptions, 'signal'>;

  constructor(options: GitLabClientOptions) {
    this.apiUrl = `${options.baseUrl.replace(/\/+$/, '').replace(/\/api\/v4$/, '')}/api/v4`;
    this.token = options.token;
    this.perPage = Math.min(100, Math.max(1, options.perPage ?? 100));
    this.request = {
      method: 'GET',
      headers: { 'private-token': options.token, accept: 'application/json' },
      timeoutMilliseconds: options.timeoutMilliseconds ?? 30_000,
      retries: options.retries ?? 3,
      backoffMilliseconds: options.backoffMilliseconds ?? 500,
    };
  }

  /**
   * Every page of a list, one array per page, following the `Link` rel="next" or `x-next-page` headers
   * (offset or keyset pagination, whichever the endpoint answered with).
   */
  async *pages<Schema extends z.ZodType>(
    path: string,
    item: Schema,
    options: CallOptions & { query?: Query; what?: string } = {},
  ): AsyncGenerator<Array<z.infer<Schema>>, void, undefined> {
    let query: URLSearchParams | undefined = toSearchParams({ per_page: this.perPage, ...options.query });
    while (query) {
      const page: Page<z.infer<Schema>> = await this.page(path, query, item, options);
      yield page.items;
      query = page.next;
    }
  }

  /** The projects of a group and of all its subgroups. */
  async *groupProjects(group: ProjectReference, options: CallOptions = {}): AsyncGenerator<GitLabProject> {
    for await (const page of this.pages(`/groups/${encode(group)}/projects`, projectSchema, {
      ...options,
      query: { include_subgroups: true, order_by: 'id', sort: 'asc' },
      what: `group ${group}`,
    })) {
      yield* page;
    }
  }

  project(project: ProjectReference, options: CallOptions = {}): Promise<GitLabProject> {
    return this.json(`/projects/${encode(project)}`, projectSchema, `project ${project}`, options);
  }

  branch(project: ProjectReference, name: string, options: CallOptions = {}): Promise<GitLabBranch> {
    return this.json(
      `/projects/${encode(project)}/repository/branches/${encodeURIComponent(name)}`,
      branchSchema,
      `branch ${name} of project ${project}`,
      options,
    );
  }

  /** Every file, directory and submodule at `ref`, recursively (keyset pagination). */
  async *tree(
    project: ProjectReference,
    ref: string,
    options: CallOptions = {},
  ): AsyncGenerator<GitLabTreeEntry> {
    for await (const page of this.pages(`/projects/${encode(project)}/repository/tree`, treeEntrySchema, {
      ...options,
      query: { recursive: true, ref, pagination: 'keyset' },
      what: `tree ${ref} of project ${project}`,
    })) {
      yield* page;
    }
  }

  /** The bytes of one file at `ref`. */
  rawFile(
    project: ProjectReference,
    path: string,
    ref: string,
    options: CallOptions = {},
  ): Promise<Uint8Array> {
    const url = `${this.apiUrl}/projects/${encode(project)}/repository/files/${encodeURIComponent(path)}/raw?${toSearchParams({ ref })}`;
    return this.call(`file ${path} of project ${project}`, options.signal, () =>
      sendWithRetries(
        url,
        { ...this.request, headers: { ...this.request.headers, accept: '*/*' }, signal: options.signal },
        async (response, connection) => {
          const body = await readBody(response, connection, options.signal, (answer) => answer.arrayBuffer());
          return new Uint8Array(body);
        },
      ),
    );
  }

  /** The files changed between two commits (or refs), with renames and deletions. */
  compare(
    project: ProjectReference,
    from: string,
    to: string,
    options: CallOptions = {},
  ): Promise<GitLabComparison> {
    return this.json(
      `/projects/${encode(project)}/repository/compare?${toSearchParams({ from, to })}`,
      comparisonSchema,
      `comparison ${from}...${to} of project ${project}`,
      options,
    );
  }

  /** Issues (open and closed), oldest change first; only those updated at or after `updatedAfter` if given. */
  async *issues(
    project: ProjectReference,
    options: CallOptions & { updatedAfter?: string } = {},
  ): AsyncGenerator<GitLabIssue> {
    for await (const page of this.pages(`/projects/${encode(project)}/issues`, issueSchema, {
      ...options,
      query: { state: 'all', order_by: 'updated_at', sort: 'asc', updated_after: options.updatedAfter },
      what: `issues of project ${project}`,
    })) {
      yield* page;
    }
  }

  async *issueNotes(
    project: ProjectReference,
    issueIid: number,
    options: CallOptions = {},
  ): AsyncGenerator<GitLabNote> {
    for await (const page of this.pages(`/projects/${encode(project)}/issues/${issueIid}/notes`, noteSchema, {
      ...options,
      query: { order_by: 'created_at', sort: 'asc' },
      what: `notes of issue #${issueIid} of project ${project}`,
    })) {
      yield* page;
    }
  }

  /** Everyone with access to the project, including members inherited from its groups. */
  async *members(project: ProjectReference, options: CallOptions = {}): AsyncGenerator<GitLabMember> {
    for await (const page of this.pages(`/projects/${encode(project)}/members/all`, memberSchema, {
      ...options,
      what: `members of project ${project}`,
    })) {
      yield* page;
    }
  }

  private page<Schema extends z.ZodType>(
    path: string,
    query: URLSearchParams,
    item: Schema,
    options: CallOptions & { what?: string },
  ): Promise<Page<z.infer<Schema>>> {
    const url = `${this.apiUrl}${path}?${query}`;
    return this.call(options.what ?? path, options.signal, () =>
      sendWithRetries(url, { ...this.request, signal: options.signal }, async (response, connection) => {
        const body = await readBody(response, connection, options.signal, (answer) => answer.text());
        const parsed = item.array().safeParse(parseJson(body));
        if (!parsed.success) throw new HttpFailure('the answer is not the expected JSON', response.status);
        return { items: parsed.data as Array<z.infer<Schema>>, next: nextPageQuery(response.headers, query) };
      }),
    );
  }

  private json<Schema extends z.ZodType>(
    path: string,
    schema: Schema,
    what: string,
    options: CallOptions,
  ): Promise<z.infer<Schema>> {
    return this.call(what, options.signal, () =>
      requestJson(`${this.apiUrl}${path}`, schema, { ...this.request, signal: options.signal }),
    );
  }

  private async call<Result>(
    what: string,
    signal: AbortSignal | undefined,
    send: () => Promise<Result>,
  ): Promise<Result> {
    try {
      return await send();
    } catch (error) {
      signal?.throwIfAborted();
      throw gitlabError(error, { baseUrl: this.apiUrl.replace(/\/api\/v4$/, ''), what, token: this.token });
    }
  }
}

function encode(reference: ProjectReference): string {
  return encodeURIComponent(String(reference));
}

function toSearchParams(query: Query): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  return params;
}

/** Reads the whole body under the attempt's deadline; a broken or slow body is worth another attempt. */
async function readBody<Body>(
  response: Response,
  connection: Connection,
  signal: AbortSignal | undefined,
  read: (response: Response) => Promise<Body>,
): Promise<Body> {
  try {
    const body = await read(response);
    connection.finish();
    return body;
  } catch (error) {
    signal?.throwIfAborted();
    throw new HttpFailure(connection.expired ?? describeError(error), response.status, { transient: true });
  }
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
