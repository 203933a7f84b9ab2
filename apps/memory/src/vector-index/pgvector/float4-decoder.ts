import type { EntityManager } from 'typeorm';

/**
 * `memory.float4_array_from_le(bytea) → real[]`: the stored embeddings (`encodeEmbedding`: float32
 * little-endian) as an array pgvector can cast to `vector`. IMMUTABLE, so a generated column can
 * use it. IEEE 754 by hand: sign, exponent, mantissa; zero and subnormals (below 1.2e-38) read as 0.
 */
export async function createFloat4Decoder(manager: Pick<EntityManager, 'query'>): Promise<void> {
  await manager.query(`
    CREATE OR REPLACE FUNCTION memory.float4_array_from_le(bytes bytea) RETURNS real[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
      SELECT coalesce(array_agg(
               CASE WHEN exponent = 0 THEN 0::real
                    ELSE ((1 - 2 * sign) * (1 + mantissa::float8 / 8388608) * power(2::float8, exponent - 127))::real
               END ORDER BY position), '{}')
      FROM (
        SELECT position, (bits >> 31) & 1 AS sign, (bits >> 23) & 255 AS exponent, bits & 8388607 AS mantissa
        FROM (
          SELECT position,
                 get_byte(bytes, 4 * position)::bigint
                 | (get_byte(bytes, 4 * position + 1)::bigint << 8)
                 | (get_byte(bytes, 4 * position + 2)::bigint << 16)
                 | (get_byte(bytes, 4 * position + 3)::bigint << 24) AS bits
          FROM generate_series(0, length(bytes) / 4 - 1) AS position
        ) AS words
      ) AS parts
    $$`);
}
