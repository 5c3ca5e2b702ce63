import type { SafetensorsDtype } from './safetensors.js';

/** One tensor to write: its dtype, shape and raw little-endian bytes (any typed array of the right size). */
export interface TensorToWrite {
  dtype: SafetensorsDtype;
  shape: number[];
  data: ArrayBufferView;
}

/**
 * Encodes tensors in the safetensors format, in the given order, with the header padded with spaces so
 * the data starts 8-byte aligned (as the reference writer does). Used to build models in tests.
 */
export function encodeSafetensors(
  tensors: Record<string, TensorToWrite>,
  metadata?: Record<string, string>,
): Uint8Array {
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  let offset = 0;
  for (const [name, tensor] of Object.entries(tensors)) {
    header[name] = {
      dtype: tensor.dtype,
      shape: tensor.shape,
      data_offsets: [offset, offset + tensor.data.byteLength],
    };
    offset += tensor.data.byteLength;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = Math.ceil(json.length / 8) * 8;
  const bytes = new Uint8Array(8 + headerLength + offset);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(headerLength), true);
  bytes.fill(0x20, 8, 8 + headerLength);
  bytes.set(json, 8);
  let position = 8 + headerLength;
  for (const tensor of Object.values(tensors)) {
    bytes.set(new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength), position);
    position += tensor.data.byteLength;
  }
  return bytes;
}
