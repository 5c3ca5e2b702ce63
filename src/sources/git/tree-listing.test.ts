import { describe, expect, it } from 'vitest';
import { parseTreeDiff, parseTreeListing } from './tree-listing.js';

const BLOB = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);
const ZERO = '0'.repeat(40);

describe('parseTreeListing', () => {
  it('reads modes, ids, sizes and paths that hold spaces and tabs', () => {
    const output = Buffer.from(
      `100644 blob ${BLOB}      12\tdocs/a b\tc.md\0` +
        `160000 commit ${OTHER}       -\tvendor/library\0` +
        `100755 blob ${OTHER} 1234567\tbin/run\0`,
    );
    expect(parseTreeListing(output)).toEqual([
      { mode: '100644', objectId: BLOB, size: 12, path: 'docs/a b\tc.md' },
      { mode: '160000', objectId: OTHER, size: undefined, path: 'vendor/library' },
      { mode: '100755', objectId: OTHER, size: 1234567, path: 'bin/run' },
    ]);
  });

  it('reads an empty tree', () => {
    expect(parseTreeListing(Buffer.alloc(0))).toEqual([]);
  });
});

describe('parseTreeDiff', () => {
  it('reads additions, modifications, type changes and deletions', () => {
    const output = Buffer.from(
      `:000000 100644 ${ZERO} ${BLOB} A\0new.md\0` +
        `:100644 100644 ${OTHER} ${BLOB} M\0line\nbreak.md\0` +
        `:100644 120000 ${OTHER} ${BLOB} T\0link\0` +
        `:100644 000000 ${OTHER} ${ZERO} D\0gone.md\0`,
    );
    expect(parseTreeDiff(output)).toEqual([
      { status: 'A', mode: '100644', objectId: BLOB, path: 'new.md' },
      { status: 'M', mode: '100644', objectId: BLOB, path: 'line\nbreak.md' },
      { status: 'T', mode: '120000', objectId: BLOB, path: 'link' },
      { status: 'D', mode: '000000', objectId: ZERO, path: 'gone.md' },
    ]);
  });

  it('takes the destination path of a rename', () => {
    const output = Buffer.from(`:100644 100644 ${OTHER} ${BLOB} R090\0old.md\0new.md\0`);
    expect(parseTreeDiff(output)).toEqual([{ status: 'R', mode: '100644', objectId: BLOB, path: 'new.md' }]);
  });
});
