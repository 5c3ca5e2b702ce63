import { describe, expect, it } from 'vitest';
import { decodeText } from './decode.js';

const encode = (value: string) => new TextEncoder().encode(value);

describe('decodeText', () => {
  it('decodes UTF-8, Cyrillic included', () => {
    expect(decodeText(encode('Привет, world'))).toBe('Привет, world');
  });

  it('drops a leading byte-order mark but keeps U+FEFF elsewhere', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode('a\uFEFFb')]);
    expect(decodeText(bytes)).toBe('a\uFEFFb');
  });

  it('turns CRLF and lone CR into LF', () => {
    expect(decodeText(encode('one\r\ntwo\rthree\n\r\nfour'))).toBe('one\ntwo\nthree\n\nfour');
  });

  it('replaces invalid byte sequences with U+FFFD instead of throwing', () => {
    const bytes = new Uint8Array([0x41, 0xff, 0x42, 0xc3, 0x28, 0x43, 0xe2, 0x82]);
    expect(decodeText(bytes)).toBe('A\uFFFDB\uFFFD(C\uFFFD');
  });

  it('never throws on arbitrary bytes', () => {
    const bytes = new Uint8Array(4096);
    for (let index = 0; index < bytes.length; index += 1) bytes[index] = (index * 7919) % 256;
    expect(() => decodeText(bytes)).not.toThrow();
    expect(decodeText(new Uint8Array())).toBe('');
  });
});
