export { reconcileVectors } from './reembed.js';
export { type SyncDependencies, syncSource } from './sync-source.js';
export type { SyncEvent, SyncReport } from './types.js';
