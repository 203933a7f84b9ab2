import { createServiceDataSource, messagingTablesMigration, migrateServiceDatabase } from '@sigil/persistence';
import { testInfrastructure } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MEMORY_SCHEMA, memoryMigrations } from '../migrations';
import { markCategoriesDirty } from './category-marks';
import { claimDueCategory, finishConsolidation } from './consolidation-claims';

const TENANT = `claims-${randomUUID().slice(0, 8)}`;
/** Long enough that a category marked now is never due during the test, unless its mark is backdated. */
const DELAY_MS = 60_000;
const LEASE_MS = 60_000;

interface CategoryState {
  dirty_since: string | null;
  lease_until: string | null;
  summary_markdown: string;
  item_count: number;
  consolidated: boolean;
}

/**
 * The claim, mark and finish statements on a real Postgres, without a memory service (whose sweeper
 * would claim the categories under test). Claims cover every tenant, so each test starts from an
 * empty categories table.
 */
describe('consolidation claims in Postgres: batching, leases and changes during a consolidation', () => {
  let dataSource: DataSource;

  const mark = (names: string[], backdateMs = 0) => markCategoriesDirty(dataSource, TENANT, names, backdateMs);
  const claim = (leaseMs = LEASE_MS) => claimDueCategory(dataSource, DELAY_MS, leaseMs);
  const stateOf = async (name: string): Promise<CategoryState> => {
    const [row] = await dataSource.query<CategoryState[]>(
      `SELECT dirty_since::text AS dirty_since, lease_until::text AS lease_until, summary_markdown, item_count, last_consolidated_at IS NOT NULL AS consolidated
       FROM memory.categories WHERE tenant_id = $1 AND name = $2`,
      [TENANT, name],
    );
    return row;
  };

  beforeAll(async () => {
    const { databaseUrl } = testInfrastructure();
    const database = { url: databaseUrl, schema: MEMORY_SCHEMA, migrations: [messagingTablesMigration(MEMORY_SCHEMA), ...memoryMigrations] };
    await migrateServiceDatabase(database);
    dataSource = await createServiceDataSource(database).initialize();
  });

  beforeEach(async () => {
    await dataSource.query(`DELETE FROM memory.categories`);
  });

  afterAll(async () => {
    await dataSource?.query(`DELETE FROM memory.categories WHERE tenant_id = $1`, [TENANT]);
    await dataSource?.destroy();
  });

  it('keeps the first change’s time through a burst of marks, so the burst waits one delay and is one consolidation', async () => {
    await mark(['orders']);
    const first = (await stateOf('orders')).dirty_since;
    await mark(['orders', 'orders']);
    await mark(['orders']);
    expect(first).not.toBeNull();
    expect((await stateOf('orders')).dirty_since).toBe(first);
    expect(await claim()).toBeUndefined();
  });

  it('claims a category once it has been dirty for the delay, and no replica claims it again while leased', async () => {
    await mark(['fresh']);
    await mark(['due'], DELAY_MS);
    const claimed = await claim();
    expect(claimed).toMatchObject({ tenantId: TENANT, name: 'due', dirtySince: (await stateOf('due')).dirty_since });
    expect((await stateOf('due')).lease_until).toBe(claimed?.leaseUntil);
    expect(await claim()).toBeUndefined();
  });

  it('stores the summary, releases the lease and clears the mark when nothing changed since the claim', async () => {
    await mark(['profile'], DELAY_MS);
    const claimed = await claim();
    expect(claimed && (await finishConsolidation(dataSource, claimed, '# Profile\n\n- Likes tea (1 item)', 1))).toBe(true);
    expect(await stateOf('profile')).toEqual({ dirty_since: null, lease_until: null, summary_markdown: '# Profile\n\n- Likes tea (1 item)', item_count: 1, consolidated: true });
  });

  it('leaves the category due when its items change during the consolidation: the mark moves and the next claim rebuilds it', async () => {
    await mark(['goals'], DELAY_MS);
    const claimed = await claim();
    await mark(['goals']);
    const moved = (await stateOf('goals')).dirty_since;
    expect(moved).not.toBe(claimed?.dirtySince);

    expect(claimed && (await finishConsolidation(dataSource, claimed, '# Goals', 2))).toBe(true);
    expect(await stateOf('goals')).toMatchObject({ dirty_since: moved, lease_until: null, summary_markdown: '# Goals', item_count: 2 });
    expect(await claimDueCategory(dataSource, 0, LEASE_MS)).toMatchObject({ name: 'goals', dirtySince: moved });
  });

  it('stores nothing from a replica whose lease expired and was claimed by another', async () => {
    await mark(['contacts'], DELAY_MS);
    const slow = await claim(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const other = await claim();
    expect(other?.name).toBe('contacts');

    expect(slow && (await finishConsolidation(dataSource, slow, '# From the slow replica', 5))).toBe(false);
    expect(await stateOf('contacts')).toMatchObject({ summary_markdown: '', lease_until: other?.leaseUntil, consolidated: false });
    expect(other && (await finishConsolidation(dataSource, other, '# Contacts', 3))).toBe(true);
    expect(await stateOf('contacts')).toMatchObject({ summary_markdown: '# Contacts', item_count: 3, dirty_since: null });
  });

  it('never gives two replicas claiming at once the same category', async () => {
    const names = ['a', 'b', 'c', 'd', 'e'];
    await mark(names, DELAY_MS);
    const claims = await Promise.all(Array.from({ length: 8 }, () => claim()));
    const claimed = claims.flatMap((one) => (one ? [one.name] : []));
    expect(claimed.sort()).toEqual(names);
  });

  it('makes a category due at once when marked with the delay as backdate (erasure), even one never marked before', async () => {
    await mark(['erased_things'], DELAY_MS);
    expect((await claim())?.name).toBe('erased_things');
  });
});
