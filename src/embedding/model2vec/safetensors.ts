import { endianness } from 'node:os';
import { z } from 'zod';
import { bfloat16ToNumber, float16Table, float16ToNumber } from './half-precision.js';
import { invalidModelFile } from './model-errors.js';

/**
 * A reader for the safetensors format: an 8-byte little-endian header length, a JSON header mapping
 * tensor names to `{dtype, shape, data_offsets}`, then the raw little-endian tensor data. The whole
 * header is validated up front, so a truncated or hand-edited file fails at load time with the name
 * of the file to replace, never later with a wrong vector.
 */

/** Bytes per element of each dtype the format defines (8-bit float types are not supported). */
const DTYPE_BYTES = {
  F64: 8,
  F32: 4,
  F16: 2,
  BF16: 2,
  I64: 8,
  I32: 4,
  I16: 2,
  I8: 1,
  U64: 8,
  U32: 4,
  U16: 2,
  U8: 1,
  BOOL: 1,
} as const;
export type SafetensorsDtype = keyof typeof DTYPE_BYTES;
const DTYPES = Object.keys(DTYPE_BYTES) as SafetensorsDtype[];

/** The reference implementation refuses headers above 100 MB; so do we, before parsing them. */
const MAX_HEADER_BYTES = 100_000_000;
const METADATA_KEY = '__metadata__';
const LITTLE_ENDIAN_HOST = endianness() === 'LE';

const offset = z.number().int().nonnegative();
const tensorEntrySchema = z.object({
  dtype: z.enum(DTYPES),
  shape: z.array(offset),
  data_offsets: z.tuple([offset, offset]),
});

/** Where one tensor lives; offsets are relative to the start of the data section. */
export interface TensorInfo {
  readonly name: string;
  readonly dtype: SafetensorsDtype;
  readonly shape: readonly number[];
  readonly begin: number;
  readonly end: number;
}

export class SafetensorsFile {
  private constructor(
    private readonly bytes: Uint8Array,
    /** Shown in errors, so the user knows which file to replace. */
    readonly path: string,
    private readonly dataStart: number,
    private readonly tensors: ReadonlyMap<string, TensorInfo>,
    /** Free-form string metadata from the header (`__metadata__`), if any. */
    readonly metadata: Readonly<Record<string, string>>,
  ) {}

  /** Parses and validates the header; throws SpravkaError('model_invalid') naming `path` if it is broken. */
  static parse(bytes: Uint8Array, path: string): SafetensorsFile {
    const fail = (en: string, ru: string): never => {
      throw invalidModelFile(path, { en, ru });
    };
    if (bytes.length < 8) {
      fail(
        `the file has ${bytes.length} bytes, fewer than the 8-byte header length (truncated?)`,
        `в файле ${bytes.length} байт, меньше 8-байтовой длины заголовка (файл обрезан?)`,
      );
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const headerLength = view.getBigUint64(0, true);
    if (headerLength > BigInt(Math.min(MAX_HEADER_BYTES, bytes.length - 8))) {
      fail(
        `the header claims ${headerLength} bytes, more than the file (${bytes.length} bytes) or the 100 MB limit allows (truncated, or not safetensors)`,
        `заголовок заявлен длиной ${headerLength} байт — больше, чем весь файл (${bytes.length} байт) или предел 100 МБ (файл обрезан или не safetensors)`,
      );
    }
    const dataStart = 8 + Number(headerLength);
    const header = parseHeaderJson(bytes.subarray(8, dataStart), fail);
    const dataLength = bytes.length - dataStart;
    const tensors = new Map<string, TensorInfo>();
    let metadata: Record<string, string> = {};
    for (const [name, entry] of Object.entries(header)) {
      if (name === METADATA_KEY) {
        const parsed = z.record(z.string(), z.string()).safeParse(entry);
        if (!parsed.success)
          fail('the header metadata is not a map of strings', 'метаданные заголовка — не словарь строк');
        metadata = parsed.data ?? {};
        continue;
      }
      tensors.set(name, validateEntry(name, entry, dataLength, fail));
    }
    return new SafetensorsFile(bytes, path, dataStart, tensors, metadata);
  }

  /** Names of all tensors, in header order. */
  names(): string[] {
    return [...this.tensors.keys()];
  }

  has(name: string): boolean {
    return this.tensors.has(name);
  }

  /** The tensor's dtype, shape and offsets; throws model_invalid when there is no such tensor. */
  info(name: string): TensorInfo {
    const info = this.tensors.get(name);
    if (!info) {
      const present = this.names().join(', ') || '—';
      throw invalidModelFile(this.path, {
        en: `it has no tensor "${name}" (it has: ${present})`,
        ru: `в нём нет тензора «${name}» (есть: ${present})`,
      });
    }
    return info;
  }

  /**
   * Any numeric tensor as 32-bit floats, flattened row-major: F16 and BF16 are widened, F64 and integers
   * are converted. An aligned F32 tensor is returned as a view over the file's bytes, without a copy.
   */
  floats(name: string): Float32Array {
    const info = this.info(name);
    const start = this.dataStart + info.begin;
    const count = elementCount(info.shape);
    if (info.dtype === 'F32' && LITTLE_ENDIAN_HOST && (this.bytes.byteOffset + start) % 4 === 0) {
      return new Float32Array(this.bytes.buffer, this.bytes.byteOffset + start, count);
    }
    const values = new Float32Array(count);
    if (info.dtype === 'F16') {
      const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + start, count * 2);
      const table = float16Table();
      for (let index = 0; index < count; index++)
        values[index] = table[view.getUint16(index * 2, true)] as number;
      return values;
    }
    const read = this.elementReader(info.dtype, start);
    for (let index = 0; index < count; index++) values[index] = Number(read(index));
    return values;
  }

  /** An integer tensor as Int32Array; throws model_invalid for float tensors or values beyond 32 bits. */
  integers(name: string): Int32Array {
    const info = this.info(name);
    if (info.dtype.startsWith('F') || info.dtype === 'BF16') {
      throw invalidModelFile(this.path, {
        en: `tensor "${name}" holds ${info.dtype} values where integers are expected`,
        ru: `тензор «${name}» содержит ${info.dtype}, а ожидаются целые числа`,
      });
    }
    const read = this.elementReader(info.dtype, this.dataStart + info.begin);
    const count = elementCount(info.shape);
    const values = new Int32Array(count);
    for (let index = 0; index < count; index++) {
      const value = read(index);
      if (value < -2_147_483_648 || value > 2_147_483_647) {
        throw invalidModelFile(this.path, {
          en: `tensor "${name}" holds ${value} at position ${index}, beyond the 32-bit range`,
          ru: `тензор «${name}» содержит ${value} в позиции ${index}, вне 32-битного диапазона`,
        });
      }
      values[index] = Number(value);
    }
    return values;
  }

  /** A function reading element `index` of a tensor whose data starts at absolute byte `start`. */
  private elementReader(dtype: SafetensorsDtype, start: number): (index: number) => number | bigint {
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + start);
    switch (dtype) {
      case 'F64':
        return (index) => view.getFloat64(index * 8, true);
      case 'F32':
        return (index) => view.getFloat32(index * 4, true);
      case 'F16':
        return (index) => float16ToNumber(view.getUint16(index * 2, true));
      case 'BF16':
        return (index) => bfloat16ToNumber(view.getUint16(index * 2, true));
      case 'I64':
        return (index) => view.getBigInt64(index * 8, true);
      case 'U64':
        return (index) => view.getBigUint64(index * 8, true);
      case 'I32':
        return (index) => view.getInt32(index * 4, true);
      case 'U32':
        return (index) => view.getUint32(index * 4, true);
      case 'I16':
        return (index) => view.getInt16(index * 2, true);
      case 'U16':
        return (index) => view.getUint16(index * 2, true);
      case 'I8':
        return (index) => view.getInt8(index);
      case 'U8':
      case 'BOOL':
        return (index) => view.getUint8(index);
    }
  }
}

type Fail = (en: string, ru: string) => never;

function parseHeaderJson(headerBytes: Uint8Array, fail: Fail): Record<string, unknown> {
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(headerBytes));
  } catch {
    fail('the header is not valid UTF-8 JSON', 'заголовок — не корректный JSON в UTF-8');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    fail('the header is not a JSON object', 'заголовок — не JSON-объект');
  }
  return header as Record<string, unknown>;
}

function validateEntry(name: string, entry: unknown, dataLength: number, fail: Fail): TensorInfo {
  const parsed = tensorEntrySchema.safeParse(entry);
  if (!parsed.success) {
    return fail(
      `tensor "${name}" has a malformed header entry (needs a known dtype, a shape and two data offsets)`,
      `у тензора «${name}» испорчена запись заголовка (нужны известный dtype, shape и два смещения данных)`,
    );
  }
  const { dtype, shape, data_offsets: offsets } = parsed.data;
  const [begin, end] = offsets;
  const expected = elementCount(shape) * DTYPE_BYTES[dtype];
  if (end < begin || end - begin !== expected) {
    fail(
      `tensor "${name}" spans bytes ${begin}–${end}, but ${dtype} ${JSON.stringify(shape)} needs ${expected}`,
      `тензор «${name}» занимает байты ${begin}–${end}, а ${dtype} ${JSON.stringify(shape)} требует ${expected}`,
    );
  }
  if (end > dataLength) {
    fail(
      `tensor "${name}" ends at data byte ${end} but the file holds only ${dataLength} (truncated?)`,
      `тензор «${name}» заканчивается на байте данных ${end}, а в файле их только ${dataLength} (файл обрезан?)`,
    );
  }
  return { name, dtype, shape, begin, end };
}

function elementCount(shape: readonly number[]): number {
  return shape.reduce((product, size) => product * size, 1);
}
