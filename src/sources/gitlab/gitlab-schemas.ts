import { z } from 'zod';

/**
 * The parts of GitLab REST v4 answers that spravka reads (https://docs.gitlab.com/ee/api/), nothing more:
 * unknown fields pass through unchecked and are dropped, so a newer GitLab does not break the client.
 */

const user = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
});
export type GitLabUser = z.infer<typeof user>;

export const projectSchema = z.object({
  id: z.number(),
  path_with_namespace: z.string(),
  web_url: z.string(),
  /** Absent (or null) for a project whose repository is empty or disabled. */
  default_branch: z.string().nullish(),
  /** `private`, `internal` or `public`. */
  visibility: z.string(),
  last_activity_at: z.string().optional(),
  archived: z.boolean().optional(),
});
export type GitLabProject = z.infer<typeof projectSchema>;

export const treeEntrySchema = z.object({
  /** The git object id: a blob id for files, so it changes exactly when the content does. */
  id: z.string(),
  path: z.string(),
  /** `blob` (file), `tree` (directory) or `commit` (submodule). */
  type: z.string(),
  mode: z.string(),
});
export type GitLabTreeEntry = z.infer<typeof treeEntrySchema>;

export const branchSchema = z.object({
  name: z.string(),
  commit: z.object({ id: z.string(), committed_date: z.string().optional() }),
});
export type GitLabBranch = z.infer<typeof branchSchema>;

const diffSchema = z.object({
  old_path: z.string(),
  new_path: z.string(),
  new_file: z.boolean(),
  renamed_file: z.boolean(),
  deleted_file: z.boolean(),
});
export type GitLabDiff = z.infer<typeof diffSchema>;

export const comparisonSchema = z.object({
  /** The newest commit of the range; null when there is none (same ref, or `to` is behind `from`). */
  commit: z.object({ id: z.string() }).nullish(),
  diffs: z.array(diffSchema),
  /** True when GitLab gave up computing the diff: the list is incomplete and a full scan is needed. */
  compare_timeout: z.boolean().optional(),
});
export type GitLabComparison = z.infer<typeof comparisonSchema>;

export const issueSchema = z.object({
  id: z.number(),
  iid: z.number(),
  project_id: z.number(),
  title: z.string(),
  description: z.string().nullish(),
  /** `opened` or `closed`. */
  state: z.string(),
  labels: z.array(z.string()),
  author: user,
  assignees: z.array(user).optional(),
  confidential: z.boolean().optional(),
  web_url: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type GitLabIssue = z.infer<typeof issueSchema>;

export const noteSchema = z.object({
  id: z.number(),
  body: z.string(),
  author: user,
  /** Notes GitLab writes itself ("changed the description", "added label"). */
  system: z.boolean(),
  /** Internal notes are visible only to project members with at least the Reporter role. */
  internal: z.boolean().optional(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type GitLabNote = z.infer<typeof noteSchema>;

export const memberSchema = z.object({
  id: z.number(),
  username: z.string(),
  name: z.string(),
  /** `active`, `blocked`… */
  state: z.string(),
  /** 10 guest, 15 planner, 20 reporter, 30 developer, 40 maintainer, 50 owner. */
  access_level: z.number(),
});
export type GitLabMember = z.infer<typeof memberSchema>;
