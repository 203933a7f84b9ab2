import type { DataSource } from 'typeorm';

/** Iterative index scans (0.8.0) keep a tenant-filtered HNSW search from coming back short. */
export const MIN_PGVECTOR_VERSION = '0.8.0';

export type PgvectorSupport = { available: true; version: string } | { available: false; reason: string };

/** Whether `version` (e.g. "0.8.1") is at least `minimum`, part by numeric part. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const parts = (text: string) => text.split('.').map((part) => Number.parseInt(part, 10) || 0);
  const [have, need] = [parts(version), parts(minimum)];
  for (let index = 0; index < Math.max(have.length, need.length); index++) {
    const difference = (have[index] ?? 0) - (need[index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

/** Creates the `vector` extension if the server has it (and the role may), and says whether it is recent enough. */
export async function pgvectorSupport(dataSource: DataSource): Promise<PgvectorSupport> {
  try {
    await dataSource.query('CREATE EXTENSION IF NOT EXISTS vector');
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const [extension] = await dataSource.query<{ extversion: string }[]>(`SELECT extversion FROM pg_extension WHERE extname = 'vector'`);
  const version = extension?.extversion ?? 'unknown';
  return versionAtLeast(version, MIN_PGVECTOR_VERSION)
    ? { available: true, version }
    : { available: false, reason: `pgvector ${version} is older than ${MIN_PGVECTOR_VERSION}` };
}
