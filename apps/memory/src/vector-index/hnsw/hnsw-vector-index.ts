import type { NatsConnection } from '@nats-io/nats-core';
import { Logger } from '@nestjs/common';
import { normaliseInPlace } from '@sigil/memory';
import type { DataSource } from 'typeorm';
import { VectorIndex, type VectorFilter, type VectorIndexStats, type VectorMatch } from '../vector-index';
import { exactTopK } from './exact-top-k';
import type { IndexedItem } from './indexed-item';
import { embeddedItems, itemsWithLabels, recentLabels } from './indexed-item-store';
import { HNSW_PARAMETERS, TenantVectors, type HnswParameters } from './tenant-vectors';
import { VectorsFeed, type VectorsChange } from './vectors-feed';

export interface HnswIndexOptions {
  /** The embedding model whose vectors the index holds, and their length. */
  model: string;
  dimensions: number;
  /** Items created this recently and not in the index yet are scored exactly (read-your-writes). */
  lagWindowMs: number;
  parameters?: HnswParameters;
}

/** The feed starts this long before the snapshot is read: a margin for clock skew between this host and NATS. */
const FEED_HEAD_START_MS = 60_000;
const SNAPSHOT_PAGE = 1_000;
/** Applying a large change gives the event loop back this often, so searches are not held up behind it. */
const APPLY_SLICE_MS = 10;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function unit(vector: Float32Array): Float32Array {
  return normaliseInPlace(Float32Array.from(vector));
}

/**
 * The in-process HNSW index (hnswlib), used where Postgres has no pgvector: one graph per tenant,
 * a projection of the items that every replica keeps for itself. `start` opens the replica's feed of
 * `VectorsChanged` first (an ordered consumer from a minute before now), then reads the snapshot
 * of every embedded item from Postgres, then applies the feed: upserting a held item and removing
 * an unknown label change nothing, so changes already in the snapshot are harmless. Replicas thus
 * converge on the items in Postgres.
 *
 * Read-your-writes: a search also scores exactly the tenant's items created in the last
 * `lagWindowMs` that the index does not hold yet, so an item stored by one step is found by the
 * next whichever replica answers.
 */
export class HnswVectorIndex extends VectorIndex {
  readonly kind = 'hnsw' as const;
  private readonly logger = new Logger('HnswVectorIndex');
  private readonly tenants = new Map<string, TenantVectors>();
  private readonly feed: VectorsFeed;
  private lastChange?: { storedAtMs: number; pending: number };

  constructor(
    private readonly dataSource: DataSource,
    nats: NatsConnection,
    private readonly options: HnswIndexOptions,
  ) {
    super();
    this.feed = new VectorsFeed(nats, this.logger);
  }

  /** Ready when the snapshot is in: the feed's changes since are applied from then on, in order. */
  async start(): Promise<void> {
    const started = performance.now();
    let snapshotRead!: (outcome: Error | undefined) => void;
    const snapshot = new Promise<void>((resolve, reject) => (snapshotRead = (error) => (error ? reject(error) : resolve())));
    // Only the feed waits on the snapshot; when it fails, the feed is stopped.
    snapshot.catch(() => undefined);
    await this.feed.start(new Date(Date.now() - FEED_HEAD_START_MS), async (change) => {
      await snapshot;
      await this.apply(change);
    });
    let count = 0;
    try {
      for await (const page of embeddedItems(this.dataSource, this.options.model, SNAPSHOT_PAGE)) {
        for (const { tenantId, item } of page) count += Number(this.upsert(tenantId, item));
      }
    } catch (error) {
      snapshotRead(error instanceof Error ? error : new Error(String(error)));
      await this.feed.stop();
      throw error;
    }
    snapshotRead(undefined);
    this.logger.log(`loaded ${count} vectors of ${this.tenants.size} tenants in ${Math.round(performance.now() - started)} ms`);
  }

  async close(): Promise<void> {
    await this.feed.stop();
  }

  async search(tenantId: string, query: Float32Array, k: number, filter: VectorFilter): Promise<VectorMatch[]> {
    if (query.length !== this.options.dimensions) throw new RangeError(`a query of ${query.length} dimensions for an index of ${this.options.dimensions}`);
    const target = unit(query);
    const recent = this.options.lagWindowMs > 0 ? await recentLabels(this.dataSource, tenantId, this.options.model, this.options.lagWindowMs, filter) : [];
    // No await between the index's search and the check of what it holds: both see the same index.
    const tenant = this.tenants.get(tenantId);
    const indexed = tenant?.search(target, k, filter) ?? [];
    const unindexed = recent.filter((label) => !tenant?.has(label));
    if (unindexed.length === 0) return indexed;
    const pending = await itemsWithLabels(this.dataSource, tenantId, unindexed);
    return mergeMatches(indexed, exactTopK(target, pending.map((item) => ({ itemId: item.itemId, vector: unit(item.vector) })), k), k);
  }

  stats(): VectorIndexStats {
    const vectors = [...this.tenants.values()].reduce((sum, tenant) => sum + tenant.size, 0);
    const lagMs = this.lastChange && this.lastChange.pending > 0 ? Math.max(0, Date.now() - this.lastChange.storedAtMs) : 0;
    return { tenants: this.tenants.size, vectors, lagMs };
  }

  private async apply(change: VectorsChange): Promise<void> {
    let sliceStarted = performance.now();
    for (const item of change.upserted) {
      this.upsert(change.tenantId, item);
      if (performance.now() - sliceStarted > APPLY_SLICE_MS) {
        await yieldToEventLoop();
        sliceStarted = performance.now();
      }
    }
    for (const label of change.removedLabels) this.tenants.get(change.tenantId)?.remove(label);
    this.lastChange = { storedAtMs: change.storedAtMs, pending: change.pending };
  }

  private upsert(tenantId: string, item: IndexedItem): boolean {
    if (item.vector.length !== this.options.dimensions) {
      this.logger.warn(`item ${item.itemId} of ${tenantId} has ${item.vector.length} dimensions, not ${this.options.dimensions}: not indexed`);
      return false;
    }
    let tenant = this.tenants.get(tenantId);
    if (!tenant) {
      tenant = new TenantVectors(this.options.dimensions, this.options.parameters ?? HNSW_PARAMETERS);
      this.tenants.set(tenantId, tenant);
    }
    return tenant.upsert(item);
  }
}

/** Both lists' items, each once with its better similarity, best first, at most `k`. */
function mergeMatches(a: VectorMatch[], b: VectorMatch[], k: number): VectorMatch[] {
  const best = new Map<string, number>();
  for (const match of [...a, ...b]) best.set(match.itemId, Math.max(match.similarity, best.get(match.itemId) ?? -Infinity));
  return [...best.entries()]
    .map(([itemId, similarity]) => ({ itemId, similarity }))
    .sort((x, y) => y.similarity - x.similarity)
    .slice(0, k);
}
