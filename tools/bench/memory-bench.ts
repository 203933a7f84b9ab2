import { Queries } from '@sigil/catalog';
import { freeInfrastructurePorts, freePort, runningPid, serviceEntry, startInfrastructure, startServiceProcess, stopBackground, stopInfrastructure } from '@sigil/local-stack';
import { DEFAULT_EMBEDDING_DIMENSIONS, localEmbedding } from '@sigil/memory';
import { connectToNats, QueryClient } from '@sigil/messaging';
import type * as Hnswlib from 'hnswlib-node';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { percentile, table } from './percentiles';

/**
 * Issue 6's targets with the local (hashing) embeddings: 100,000 items of 384 dimensions stored
 * through `Queries.StoreMemoryBatch` (items/s), rag searches through `Queries.SearchMemory` (latency
 * at the client, over NATS) and the memory process's resident memory. The memory service runs as
 * its own process from dist/, on its own NATS, PostgreSQL and Redis; Postgres has no pgvector here,
 * so the index is the in-process HNSW projection. Recall@10 against an exact cosine search over the
 * same vectors (computed here) is measured on hnswlib directly, at the service's graph parameters
 * and the way rag searches it: the service's answers fuse the vector ranking with full-text scores,
 * so how many of their top 10 are in the exact cosine top 10 is shown too, as information.
 */
const root = path.resolve(import.meta.dirname, '../../..');
const stateDir = path.join(root, '.sigil', 'bench-memory');
const ITEMS = Number(process.env.BENCH_MEMORY_ITEMS ?? 100_000);
const BATCH = 1_000;
const BATCHES_IN_FLIGHT = Number(process.env.BENCH_MEMORY_IN_FLIGHT ?? 2);
const QUERIES = Number(process.env.BENCH_MEMORY_QUERIES ?? 300);
const WARM_UP_QUERIES = 30;
const K = 10;
/** The service's graph parameters (apps/memory/src/vector-index/hnsw/tenant-vectors.ts), for the direct check. */
const SERVICE_GRAPH = { m: 16, efConstruction: 64 };
const TENANT = 'bench-memory';
const write = (line = '') => process.stdout.write(`${line}\n`);

/** A deterministic generator (LCG), so every run stores and asks the same things. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
}

const NAMES = 'Alice Bob Carol Dave Erin Frank Grace Heidi Ivan Judy Mallory Niaj Olivia Peggy Rupert Sybil Trent Victor Walter Yara Zoe Amir Bea Chen Dara Eli Fatima Goran Hana Ines'.split(' ');
const VERBS = 'prefers likes dislikes needs avoids recommends uses owns wants bought reviewed scheduled cancelled approved rejected'.split(' ');
const ADJECTIVES = 'green quiet fast cheap organic remote weekly local vintage electric spicy early late annual secure open shared private warm cold'.split(' ');
const NOUNS = 'tea coffee meetings invoices laptops bicycles flights hotels reports dashboards budgets contracts servers backups newsletters recipes concerts books trains podcasts gardens cameras databases vendors'.split(' ');
const PLACES = 'Berlin Paris Lisbon Tokyo Nairobi Lima Oslo Austin Seoul Cairo Dublin Madrid Prague Quito Sydney Toronto Vienna Warsaw Zurich Boston'.split(' ');
const WHEN = ['on Mondays', 'in the morning', 'after lunch', 'at weekends', 'every quarter', 'before deadlines', 'during travel', 'in winter', 'in summer', 'at night'];
const CATEGORIES = ['preferences', 'profile', 'goals', 'decisions', 'contacts', 'schedule', 'purchases', 'general'];

/** Facts as an agent would remember them: who does what, where and when, each with its own reference. */
function corpus(count: number): string[] {
  const random = seeded(7);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  return Array.from({ length: count }, (_, index) => `${pick(NAMES)} ${pick(VERBS)} ${pick(ADJECTIVES)} ${pick(NOUNS)} in ${pick(PLACES)} ${pick(WHEN)} (ref ${index})`);
}

/** Questions about stored facts: most of a fact's words, without its reference. */
function queriesAbout(contents: string[], count: number, seed: number): string[] {
  const random = seeded(seed);
  return Array.from({ length: count }, () => {
    const words = contents[Math.floor(random() * contents.length)].replace(/ \(ref \d+\)$/, '').split(' ');
    const kept = words.filter(() => random() < 0.7);
    return (kept.length > 0 ? kept : words).join(' ');
  });
}

/** Every item's unit vector in one array, for the exact search. */
function vectorMatrix(contents: string[], dimensions: number): Float32Array {
  const matrix = new Float32Array(contents.length * dimensions);
  contents.forEach((content, index) => matrix.set(localEmbedding(content, dimensions), index * dimensions));
  return matrix;
}

/** The exact top k (indexes into the matrix) by cosine similarity: the vectors are unit length, so by dot product. */
function exactTopK(matrix: Float32Array, dimensions: number, query: Float32Array, k: number): number[] {
  const best: { index: number; score: number }[] = [];
  for (let row = 0, offset = 0; offset < matrix.length; row++, offset += dimensions) {
    let score = 0;
    for (let column = 0; column < dimensions; column++) score += matrix[offset + column] * query[column];
    if (best.length < k || score > best[best.length - 1].score) {
      best.push({ index: row, score });
      best.sort((a, b) => b.score - a.score);
      if (best.length > k) best.pop();
    }
  }
  return best.map((entry) => entry.index);
}

const overlap = (found: Iterable<number | string>, exact: Set<number | string>) => [...found].filter((id) => exact.has(id)).length;

function memoryOfProcess(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rssMb: kilobytes('VmRSS') / 1024, peakMb: kilobytes('VmHWM') / 1024 };
}

/** Sequential rag searches: each one's latency at the client and the item ids it answered. */
async function search(queries: QueryClient, asked: string[]): Promise<{ latencies: number[]; answers: string[][] }> {
  const latencies: number[] = [];
  const answers: string[][] = [];
  for (const query of asked) {
    const started = performance.now();
    const reply = await queries.request(Queries.SearchMemory, { query, mode: 'rag', k: K }, { tenantId: TENANT });
    latencies.push(performance.now() - started);
    if (reply.error) throw new Error(`SearchMemory refused: ${reply.error.message}`);
    answers.push(reply.items.map((hit) => hit.itemId));
  }
  return { latencies, answers };
}

async function main(): Promise<void> {
  rmSync(stateDir, { recursive: true, force: true });
  const infrastructure = await startInfrastructure(stateDir, await freeInfrastructurePorts(), { durable: false });
  const env = { ...process.env, NATS_URL: infrastructure.natsUrl, DATABASE_URL: infrastructure.databaseUrl, REDIS_URL: infrastructure.redisUrl, SIGIL_LOG_LEVEL: 'warn' };
  try {
    const migrated = spawnSync(process.execPath, [serviceEntry(root, 'memory', 'migrate')], { env, encoding: 'utf8' });
    if (migrated.status !== 0) throw new Error(`memory migrations failed:\n${migrated.stdout}${migrated.stderr}`);
    const memoryUrl = await startServiceProcess(root, stateDir, { name: 'memory', port: await freePort(), portVariable: 'SIGIL_MEMORY_PORT' }, env, 'bench-memory');
    const pid = runningPid(stateDir, 'bench-memory');
    if (!pid) throw new Error('the memory process is not running');
    const nc = await connectToNats(infrastructure.natsUrl, 'memory-bench');
    const queries = new QueryClient(nc, 'memory-bench', 120_000);
    try {
      await measure(queries, memoryUrl, pid, infrastructure.databaseUrl);
    } finally {
      await nc.drain();
      await stopBackground(stateDir, 'bench-memory');
    }
  } finally {
    await stopInfrastructure(stateDir);
  }
}

/** Every item through StoreMemoryBatch, a few batches in flight; the items' ids in the contents' order, and the seconds it took. */
async function storeAll(queries: QueryClient, contents: string[]): Promise<{ itemIds: string[]; seconds: number }> {
  const itemIds = new Array<string>(contents.length);
  const started = performance.now();
  let next = 0;
  const storeBatches = async () => {
    while (next < contents.length) {
      const first = next;
      next += BATCH;
      const items = contents.slice(first, first + BATCH).map((content, offset) => ({ content, category: CATEGORIES[(first + offset) % CATEGORIES.length], idempotencyKey: `bench-${first + offset}` }));
      const reply = await queries.request(Queries.StoreMemoryBatch, { items }, { tenantId: TENANT });
      if (reply.error) throw new Error(`StoreMemoryBatch refused: ${reply.error.message}`);
      reply.results.forEach((result, offset) => (itemIds[first + offset] = result.itemId));
    }
  };
  await Promise.all(Array.from({ length: BATCHES_IN_FLIGHT }, storeBatches));
  return { itemIds, seconds: (performance.now() - started) / 1000 };
}

/** Seconds until the service's index holds every item with no change pending (GET /vector-index). */
async function indexCatchUp(memoryUrl: string, items: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const status = (await (await fetch(`${memoryUrl}/vector-index`)).json()) as { vectors: number; lag_ms: number | null };
    if (status.vectors >= items && status.lag_ms === 0) return (performance.now() - started) / 1000;
    if (performance.now() - started > 30 * 60_000) throw new Error(`the index holds ${status.vectors} of ${items} after 30 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/**
 * Seconds to do what autovacuum does within a minute of a bulk load: the planner's statistics (until
 * then it may pick a poor plan for the full-text search) and the visibility map. The searches are
 * measured on the settled table, as a tenant's searches meet it in steady state.
 */
async function settleTable(databaseUrl: string): Promise<number> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('VACUUM ANALYZE memory.memory_items');
  } finally {
    await client.end();
  }
  return (performance.now() - started) / 1000;
}

async function measure(queries: QueryClient, memoryUrl: string, pid: number, databaseUrl: string): Promise<void> {
  const contents = corpus(ITEMS);
  write(`storing ${ITEMS} items in batches of ${BATCH}, ${BATCHES_IN_FLIGHT} in flight…`);
  const { itemIds, seconds: storeSeconds } = await storeAll(queries, contents);
  const itemsPerSecond = ITEMS / storeSeconds;
  write('waiting for the vector index to hold every item…');
  const catchUpSeconds = await indexCatchUp(memoryUrl, ITEMS);
  const afterIngest = memoryOfProcess(pid);
  write('VACUUM ANALYZE of the items, as autovacuum would after the bulk load…');
  const settleSeconds = await settleTable(databaseUrl);

  const asked = queriesAbout(contents, QUERIES, 11);
  // With a word no item has, no item matches every word: full-text search falls back to partial matches.
  const askedLoosely = queriesAbout(contents, QUERIES, 13).map((query) => `${query} usually`);
  write(`searching ${WARM_UP_QUERIES} + 2 × ${QUERIES} times (rag, k ${K})…`);
  await search(queries, queriesAbout(contents, WARM_UP_QUERIES, 17));
  const searched = await search(queries, asked);
  const searchedLoosely = await search(queries, askedLoosely);
  const afterSearches = memoryOfProcess(pid);

  write('exact search over the same vectors…');
  const dimensions = DEFAULT_EMBEDDING_DIMENSIONS;
  const matrix = vectorMatrix(contents, dimensions);
  const exact = asked.map((query) => exactTopK(matrix, dimensions, localEmbedding(query, dimensions), K));
  const fusedInExact = searched.answers.reduce((sum, found, index) => sum + overlap(found, new Set(exact[index].map((row) => itemIds[row]))), 0) / (K * QUERIES);
  const p95 = percentile(searched.latencies, 95);
  const looseP95 = percentile(searchedLoosely.latencies, 95);

  const rows: (string | number)[][] = [
    [`items stored through StoreMemoryBatch (${ITEMS}, batches of ${BATCH}, ${BATCHES_IN_FLIGHT} in flight) items/s`, itemsPerSecond.toFixed(0), '>= 2,000', itemsPerSecond >= 2_000 ? 'yes' : 'NO'],
    ['  store time s', storeSeconds.toFixed(1), '', ''],
    ['vector index caught up, s after the last batch', catchUpSeconds.toFixed(1), '', ''],
    ['VACUUM ANALYZE of the items after the load, s', settleSeconds.toFixed(1), '', ''],
    [`rag search through SearchMemory p50 ms (${QUERIES} sequential, k ${K})`, percentile(searched.latencies, 50).toFixed(2), '', ''],
    ['rag search through SearchMemory p95 ms', p95.toFixed(2), '< 20', p95 < 20 ? 'yes' : 'NO'],
    ['rag search, no item has every word of the question, p50 ms', percentile(searchedLoosely.latencies, 50).toFixed(2), '', ''],
    ['rag search, no item has every word of the question, p95 ms', looseP95.toFixed(2), '< 20', looseP95 < 20 ? 'yes' : 'NO'],
    ['rag top 10 (fused: 0.7 vector + 0.3 full text) found in the exact cosine top 10', fusedInExact.toFixed(3), '', ''],
    ['memory process RSS MB after ingest / after searches / peak', `${afterIngest.rssMb.toFixed(0)} / ${afterSearches.rssMb.toFixed(0)} / ${afterSearches.peakMb.toFixed(0)}`, '', ''],
  ];
  rows.push(...directHnsw(matrix, dimensions, asked, exact));
  write();
  write(`memory benchmark: ${ITEMS} items, ${dimensions}-d local embeddings, in-process HNSW index (no pgvector here)`);
  write(table(['measure', 'value', 'target', 'met'], rows));
}

/** How the service searches its graph (HNSW_PARAMETERS.efSearch): rag asks the index for 2k candidates at ef max(8 × 2k, 100), fusion keeps the best k. */
const SERVICE_CANDIDATES = 2 * K;
const SERVICE_EF = Math.max(8 * SERVICE_CANDIDATES, 100);

/**
 * hnswlib alone over the same vectors and questions, at the service's graph parameters: the index's
 * own recall@10 against the exact search (the service's fused ranking mixes in full-text scores),
 * as the service searches it and over a range of ef.
 */
function directHnsw(matrix: Float32Array, dimensions: number, asked: string[], exact: number[][]): (string | number)[][] {
  write(`building hnswlib directly (M ${SERVICE_GRAPH.m}, efConstruction ${SERVICE_GRAPH.efConstruction})…`);
  const { HierarchicalNSW } = createRequire(import.meta.url)('hnswlib-node') as typeof Hnswlib;
  const count = matrix.length / dimensions;
  const graph = new HierarchicalNSW('cosine', dimensions);
  graph.initIndex({ maxElements: count, m: SERVICE_GRAPH.m, efConstruction: SERVICE_GRAPH.efConstruction });
  const buildStarted = performance.now();
  for (let row = 0; row < count; row++) graph.addPoint(Array.from(matrix.subarray(row * dimensions, (row + 1) * dimensions)), row);
  const buildPerSecond = count / ((performance.now() - buildStarted) / 1000);
  const queryVectors = asked.map((query) => Array.from(localEmbedding(query, dimensions)));
  const searchAt = (ef: number, candidates: number) => {
    graph.setEf(ef);
    const latencies: number[] = [];
    let hits = 0;
    queryVectors.forEach((vector, index) => {
      const started = performance.now();
      const found = graph.searchKnn(vector, candidates);
      latencies.push(performance.now() - started);
      hits += overlap(found.neighbors.slice(0, K), new Set(exact[index]));
    });
    return { recall: hits / (K * queryVectors.length), p50: percentile(latencies, 50), p95: percentile(latencies, 95) };
  };
  const service = searchAt(SERVICE_EF, SERVICE_CANDIDATES);
  const rows: (string | number)[][] = [
    [`hnswlib direct: build (M ${SERVICE_GRAPH.m}, efConstruction ${SERVICE_GRAPH.efConstruction}) items/s`, buildPerSecond.toFixed(0), '', ''],
    [`recall@10 of the index vs exact cosine, as rag searches it (${SERVICE_CANDIDATES} candidates, ef ${SERVICE_EF})`, service.recall.toFixed(3), '>= 0.95', service.recall >= 0.95 ? 'yes' : 'NO'],
  ];
  for (const ef of [40, 64, 100, 200]) {
    const { recall, p50, p95 } = searchAt(ef, K);
    rows.push([`hnswlib direct: k ${K}, ef ${ef}: recall@10 / p50 ms / p95 ms`, `${recall.toFixed(3)} / ${p50.toFixed(3)} / ${p95.toFixed(3)}`, '', '']);
  }
  return rows;
}

await main();
