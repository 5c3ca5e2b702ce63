import { join } from 'node:path';
import { type AccountStore, SqliteAccountStore } from '../accounts/index.js';
import { type ConversationStore, SqliteConversationStore } from '../conversations/index.js';
import { SqliteCatalog } from './sqlite/catalog.js';
import { openDatabase, type SqliteDatabase } from './sqlite/database.js';
import { SqliteDocumentIndex } from './sqlite/document-index.js';
import type { Catalog, DocumentIndex } from './types.js';

export type * from './types.js';

export interface Stores {
  catalog: Catalog;
  index: DocumentIndex;
  accounts: AccountStore;
  conversations: ConversationStore;
  databasePath: string;
  close(): void;
}

/** The embedded default: catalog, lexical and vector index, accounts and conversations in `<dataDir>/spravka.db`. */
export function openSqliteStores(
  dataDir: string,
  options: { maxBytes?: number; readonly?: boolean } = {},
): Stores {
  const databasePath = join(dataDir, 'spravka.db');
  const database: SqliteDatabase = openDatabase(databasePath, options);
  return {
    catalog: new SqliteCatalog(database),
    index: new SqliteDocumentIndex(database),
    accounts: new SqliteAccountStore(database),
    conversations: new SqliteConversationStore(database),
    databasePath,
    close: () => database.close(),
  };
}
