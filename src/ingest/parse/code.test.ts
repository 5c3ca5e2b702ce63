import { describe, expect, it } from 'vitest';
import { codeParser } from './code.js';

const input = (path: string, source: string) => ({ path, bytes: new TextEncoder().encode(source) });

describe('codeParser', () => {
  it('returns the whole file as one section with its language and line count', async () => {
    const source = 'export function add(a: number, b: number): number {\n  return a + b;\n}\n';
    const document = await codeParser.parse(input('src/math/add.ts', source));
    expect(document).toEqual({
      title: 'src/math/add.ts',
      kind: 'code',
      language: 'typescript',
      sections: [{ headingPath: [], text: source, startLine: 1, endLine: 3 }],
    });
  });

  it('counts the last line when the file has no final newline', async () => {
    const document = await codeParser.parse(input('tool.py', 'import os\n\nprint(os.name)'));
    expect(document.sections[0]?.endLine).toBe(3);
    expect(document.language).toBe('python');
  });

  it('normalises line ends so line numbers match what editors show', async () => {
    const document = await codeParser.parse(input('run.sh', '#!/bin/sh\r\necho hi\r\n'));
    expect(document.sections[0]).toMatchObject({ text: '#!/bin/sh\necho hi\n', endLine: 2 });
  });

  it('gives a blank file no sections', async () => {
    expect((await codeParser.parse(input('empty.go', '\n \n'))).sections).toEqual([]);
  });
});
