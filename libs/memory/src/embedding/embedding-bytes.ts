const FLOAT_BYTES = 4;

/** The vector as Postgres stores it (bytea): float32 little-endian, whatever the machine's byte order. */
export function encodeEmbedding(vector: Float32Array): Uint8Array {
  const bytes = new Uint8Array(vector.length * FLOAT_BYTES);
  const view = new DataView(bytes.buffer);
  vector.forEach((value, index) => view.setFloat32(index * FLOAT_BYTES, value, true));
  return bytes;
}

/** The vector stored by `encodeEmbedding`; a length that is not whole floats is corrupt data. */
export function decodeEmbedding(bytes: Uint8Array): Float32Array {
  if (bytes.byteLength % FLOAT_BYTES !== 0) throw new RangeError(`an embedding of ${bytes.byteLength} bytes is not a whole number of float32s`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float32Array.from({ length: bytes.byteLength / FLOAT_BYTES }, (_, index) => view.getFloat32(index * FLOAT_BYTES, true));
}
