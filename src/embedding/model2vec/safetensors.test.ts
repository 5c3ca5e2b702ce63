import { describe, expect, it } from 'vitest';
import { isSpravkaError, type SpravkaError } from '../../errors/index.js';
import { bfloat16ToNumber, float16ToNumber } from './half-precision.js';
import { SafetensorsFile } from './safetensors.js';
import { encodeSafetensors } from './safetensors-writer.js';

const PATH = '/models/example/model.safetensors';

function caught(action: () => unknown): SpravkaError {
  try {
    action();
  } catch (error) {
    if (isSpravkaError(error)) return error;
    throw error;
  }
  throw new Error('expected a SpravkaError');
}

/** A file whose header is `header` (as JSON text) followed by `dataLength` zero bytes. */
function rawFile(header: string, dataLength = 0): Uint8Array {
  const json = new TextEncoder().encode(header);
  const bytes = new Uint8Array(8 + json.length + dataLength);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(json.length), true);
  bytes.set(json, 8);
  return bytes;
}

function expectModelInvalid(error: SpravkaError, fragment: RegExp): void {
  expect(error.code).toBe('model_invalid');
  expect(error.text.en).toMatch(fragment);
  expect(error.text.ru).toContain(PATH);
  expect(error.hint?.en).toContain(PATH);
  expect(error.hint?.ru).toContain(PATH);
}

describe('SafetensorsFile', () => {
  it('reads float tensors of every width as Float32Array', () => {
    const half = new Uint16Array([0x3c00, 0xc000, 0x0001, 0x7c00, 0x3555]); // 1, -2, 2^-24, +inf, ≈1/3
    const brain = new Uint16Array([0x3f80, 0xc040]); // 1, -3
    const bytes = encodeSafetensors({
      single: { dtype: 'F32', shape: [2, 2], data: new Float32Array([1.5, -2, 0.25, 8]) },
      half: { dtype: 'F16', shape: [5], data: half },
      brain: { dtype: 'BF16', shape: [2], data: brain },
      double: { dtype: 'F64', shape: [2], data: new Float64Array([0.1, -1e10]) },
      bytes: { dtype: 'I8', shape: [3], data: new Int8Array([-128, 0, 127]) },
    });
    const file = SafetensorsFile.parse(bytes, PATH);
    expect(file.names()).toEqual(['single', 'half', 'brain', 'double', 'bytes']);
    expect(file.info('single')).toMatchObject({ dtype: 'F32', shape: [2, 2] });
    expect([...file.floats('single')]).toEqual([1.5, -2, 0.25, 8]);
    expect([...file.floats('half')]).toEqual([
      1,
      -2,
      2 ** -24,
      Number.POSITIVE_INFINITY,
      Math.fround(0.333251953125),
    ]);
    expect([...file.floats('brain')]).toEqual([1, -3]);
    expect([...file.floats('double')]).toEqual([Math.fround(0.1), Math.fround(-1e10)]);
    expect([...file.floats('bytes')]).toEqual([-128, 0, 127]);
  });

  it('reads integer tensors as Int32Array and refuses values beyond 32 bits or float tensors', () => {
    const bytes = encodeSafetensors({
      long: { dtype: 'I64', shape: [3], data: new BigInt64Array([0n, -5n, 2_147_483_647n]) },
      int: { dtype: 'I32', shape: [2], data: new Int32Array([7, -7]) },
      unsigned: { dtype: 'U8', shape: [2], data: new Uint8Array([0, 255]) },
      huge: { dtype: 'I64', shape: [1], data: new BigInt64Array([2n ** 40n]) },
      float: { dtype: 'F32', shape: [1], data: new Float32Array([1]) },
    });
    const file = SafetensorsFile.parse(bytes, PATH);
    expect([...file.integers('long')]).toEqual([0, -5, 2_147_483_647]);
    expect([...file.integers('int')]).toEqual([7, -7]);
    expect([...file.integers('unsigned')]).toEqual([0, 255]);
    expectModelInvalid(
      caught(() => file.integers('huge')),
      /beyond the 32-bit range/,
    );
    expectModelInvalid(
      caught(() => file.integers('float')),
      /F32 values where integers are expected/,
    );
  });

  it('keeps the header metadata and reads an unaligned file by copying', () => {
    const bytes = encodeSafetensors(
      { values: { dtype: 'F32', shape: [2], data: new Float32Array([3, 4]) } },
      { format: 'pt' },
    );
    const shifted = new Uint8Array(bytes.length + 1).subarray(1);
    shifted.set(bytes);
    const file = SafetensorsFile.parse(shifted, PATH);
    expect(file.metadata).toEqual({ format: 'pt' });
    expect(file.has('values')).toBe(true);
    expect([...file.floats('values')]).toEqual([3, 4]);
  });

  it('names the file to replace when a tensor is missing', () => {
    const file = SafetensorsFile.parse(encodeSafetensors({}), PATH);
    expectModelInvalid(
      caught(() => file.info('embeddings')),
      /no tensor "embeddings"/,
    );
  });

  describe('rejects a malformed file with model_invalid', () => {
    const valid = encodeSafetensors({ values: { dtype: 'F32', shape: [4], data: new Float32Array(4) } });
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ['shorter than the length prefix', new Uint8Array(5), /fewer than the 8-byte header length/],
      ['empty', new Uint8Array(0), /fewer than the 8-byte header length/],
      ['truncated inside the header', valid.subarray(0, 20), /header claims \d+ bytes/],
      ['truncated inside the data', valid.subarray(0, valid.length - 1), /ends at data byte 16 .* only 15/],
      ['a header that is not JSON', rawFile('{"values": {'), /not valid UTF-8 JSON/],
      ['a header that is not an object', rawFile('[1, 2]'), /not a JSON object/],
      [
        'an unknown dtype',
        rawFile('{"x": {"dtype": "F128", "shape": [1], "data_offsets": [0, 16]}}', 16),
        /malformed/,
      ],
      [
        'a negative shape',
        rawFile('{"x": {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]}}', 4),
        /malformed/,
      ],
      [
        'offsets beyond the file',
        rawFile('{"x": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}}', 8),
        /ends at data byte 16/,
      ],
      [
        'offsets that disagree with the shape',
        rawFile('{"x": {"dtype": "F32", "shape": [4], "data_offsets": [0, 12]}}', 16),
        /needs 16/,
      ],
      [
        'reversed offsets',
        rawFile('{"x": {"dtype": "U8", "shape": [0], "data_offsets": [4, 0]}}', 4),
        /spans bytes 4–0/,
      ],
      ['metadata that is not strings', rawFile('{"__metadata__": {"n": 1}}'), /metadata/],
    ];
    it.each(cases)('%s', (_name, bytes, fragment) => {
      expectModelInvalid(
        caught(() => SafetensorsFile.parse(bytes, PATH)),
        fragment,
      );
    });
  });
});

describe('16-bit floats', () => {
  it('decodes the special values of binary16', () => {
    expect(float16ToNumber(0x0000)).toBe(0);
    expect(Object.is(float16ToNumber(0x8000), -0)).toBe(true);
    expect(float16ToNumber(0x7bff)).toBe(65_504);
    expect(float16ToNumber(0x0400)).toBe(2 ** -14);
    expect(float16ToNumber(0xfc00)).toBe(Number.NEGATIVE_INFINITY);
    expect(float16ToNumber(0x7e00)).toBeNaN();
  });

  it('decodes bfloat16 as the upper half of a float32', () => {
    expect(bfloat16ToNumber(0x4049)).toBeCloseTo(3.140625, 6);
    expect(bfloat16ToNumber(0xff80)).toBe(Number.NEGATIVE_INFINITY);
  });
});
