/**
 * Decoding of 16-bit floats, which safetensors stores as raw little-endian bit patterns.
 * JavaScript has no native half type (Float16Array arrives only in Node 24), so this is done by hand.
 */

const EXPONENT_SCALE = 2 ** -24;

/** IEEE 754 binary16 bit pattern → number (subnormals, infinities and NaN included). */
export function float16ToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >> 10) & 0x1f;
  const fraction = bits & 0x03ff;
  if (exponent === 0) return sign * fraction * EXPONENT_SCALE;
  if (exponent === 0x1f) return fraction === 0 ? sign * Number.POSITIVE_INFINITY : Number.NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

/** bfloat16 bit pattern → number: the upper half of a binary32. */
export function bfloat16ToNumber(bits: number): number {
  scratchBits[0] = bits << 16;
  return scratchFloat[0] as number;
}

const scratchBits = new Uint32Array(1);
const scratchFloat = new Float32Array(scratchBits.buffer);

let table: Float32Array | undefined;

/** All 65,536 binary16 values as float32, built on first use: a lookup is faster than decoding. */
export function float16Table(): Float32Array {
  if (!table) {
    table = new Float32Array(65_536);
    for (let bits = 0; bits < 65_536; bits++) table[bits] = float16ToNumber(bits);
  }
  return table;
}
