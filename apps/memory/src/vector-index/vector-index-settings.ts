export type VectorIndexChoice = 'auto' | 'hnsw' | 'pgvector';

export interface VectorIndexSettings {
  /** auto: pgvector when the database has it, else the in-process HNSW index. */
  choice: VectorIndexChoice;
  /** The in-process index scores items this recent that it does not hold yet exactly (read-your-writes). */
  lagWindowMs: number;
}

export const VECTOR_INDEX_DEFAULTS: VectorIndexSettings = { choice: 'auto', lagWindowMs: 10_000 };

const CHOICES: readonly VectorIndexChoice[] = ['auto', 'hnsw', 'pgvector'];

/** SIGIL_MEMORY_VECTOR_INDEX (auto|hnsw|pgvector) and SIGIL_MEMORY_INDEX_LAG_WINDOW_MS; a bad value stops the service from starting. */
export function vectorIndexSettingsFromEnv(env: Record<string, string | undefined>): VectorIndexSettings {
  const choice = env.SIGIL_MEMORY_VECTOR_INDEX?.trim() || VECTOR_INDEX_DEFAULTS.choice;
  if (!(CHOICES as readonly string[]).includes(choice)) throw new Error(`SIGIL_MEMORY_VECTOR_INDEX must be one of ${CHOICES.join(', ')}, got "${choice}"`);
  const rawWindow = env.SIGIL_MEMORY_INDEX_LAG_WINDOW_MS?.trim();
  const lagWindowMs = rawWindow ? Number(rawWindow) : VECTOR_INDEX_DEFAULTS.lagWindowMs;
  if (!Number.isSafeInteger(lagWindowMs) || lagWindowMs < 0) throw new Error(`SIGIL_MEMORY_INDEX_LAG_WINDOW_MS must be an integer of at least 0, got "${rawWindow}"`);
  return { choice: choice as VectorIndexChoice, lagWindowMs };
}
