export {
  type CallOptions,
  GitLabClient,
  type GitLabClientOptions,
  type ProjectReference,
} from './gitlab-client.js';
export type {
  GitLabBranch,
  GitLabComparison,
  GitLabDiff,
  GitLabIssue,
  GitLabMember,
  GitLabNote,
  GitLabProject,
  GitLabTreeEntry,
  GitLabUser,
} from './gitlab-schemas.js';
