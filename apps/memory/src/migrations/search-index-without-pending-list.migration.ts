import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full-text index takes each insert at once instead of in a pending list. With GIN's default
 * `fastupdate`, new entries wait in a list of up to 4 MB that every search reads through: after a
 * bulk store that put some 30 ms on each rag search of 100,000 items. Inserts pay instead, a little.
 */
export class SearchIndexWithoutPendingList1763700030000 implements MigrationInterface {
  name = 'SearchIndexWithoutPendingList1763700030000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER INDEX memory.memory_items_search_idx SET (fastupdate = off)`);
    // Entries already pending move into the index now; with fastupdate off none are added later.
    await runner.query(`SELECT gin_clean_pending_list('memory.memory_items_search_idx'::regclass)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER INDEX memory.memory_items_search_idx RESET (fastupdate)`);
  }
}
