export { redactUrl } from './git/git-errors.js';
export { createConnector, validateSourceSettings } from './registry.js';
export type { Connector, ScanItem, ScanPlan, SourceEntry } from './types.js';
