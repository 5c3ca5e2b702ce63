export { createConnector, validateSourceSettings } from './registry.js';
export type { Connector, ScanItem, ScanPlan, SourceEntry } from './types.js';
