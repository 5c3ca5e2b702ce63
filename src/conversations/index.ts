export {
  type ConversationStoreOptions,
  LISTING_LIMIT,
  SqliteConversationStore,
} from './sqlite/conversation-store.js';
export type * from './types.js';
