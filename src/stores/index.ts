import { join } from 'node:path';
import { SqliteCatalog } from './sqlite/catalog.js';
import { openDatabase, type SqliteDatabase } from './sqlite/database.js';
import { SqliteDocumentIndex } from './sqlite/document-index.js';
import type { Catalog, DocumentIndex } from './types.js';

export type * from './types.js';

export interface Stores {
  catalog: Catalog;
  index: DocumentIndex;
  databasePath: string;
  close(): void;
}

/** The embedded default: catalog, lexical and vector index in `<dataDir>/spravka.db`. */
export function openSqliteStores(dataDir: string, options: { maxBytes?: number } = {}): Stores {
  const databasePath = join(dataDir, 'spravka.db');
  const database: SqliteDatabase = openDatabase(databasePath, options);
  return {
    catalog: new SqliteCatalog(database),
    index: new SqliteDocumentIndex(database),
    databasePath,
    close: () => database.close(),
  };
}
