export { type AccountStoreOptions, SqliteAccountStore } from './sqlite/account-store.js';
export { API_TOKEN_PREFIX } from './sqlite/api-tokens.js';
export type * from './types.js';
export { principalsOf } from './types.js';
