import { decodeEmbedding, encodeEmbedding } from './embedding-bytes';

describe('embedding bytes', () => {
  it('given a vector, when encoded, then it is little-endian float32s, 4 bytes each', () => {
    expect([...encodeEmbedding(Float32Array.from([1, -2]))]).toEqual([0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0x00, 0xc0]);
  });

  it('given encoded bytes, when decoded, then the same vector comes back', () => {
    const vector = Float32Array.from([0.25, -0.5, 3.75, 1e-7]);
    expect(decodeEmbedding(encodeEmbedding(vector))).toEqual(vector);
  });

  it('given bytes at an offset inside a larger buffer (as pg returns a Buffer), when decoded, then only those bytes are read', () => {
    const stored = encodeEmbedding(Float32Array.from([7, 8]));
    const larger = new Uint8Array(3 + stored.length);
    larger.set(stored, 3);
    expect(decodeEmbedding(larger.subarray(3))).toEqual(Float32Array.from([7, 8]));
  });

  it('given a length that is not whole float32s, when decoded, then it is refused as corrupt', () => {
    expect(() => decodeEmbedding(new Uint8Array(6))).toThrow('an embedding of 6 bytes is not a whole number of float32s');
  });
});
