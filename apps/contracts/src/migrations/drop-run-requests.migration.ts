import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CREATE_RUN_REQUESTS } from './create-contract-store.migration';
import { PendingRoutes1763700000700 } from './pending-routes.migration';

/**
 * Selection reads the request's overrides from the route (ADR 0010): the stored run requests and
 * the routes that waited for them are no longer kept. `down` restores the empty tables.
 */
export class DropRunRequests1763700000800 implements MigrationInterface {
  name = 'DropRunRequests1763700000800';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE contracts.pending_routes`);
    await runner.query(`DROP TABLE contracts.run_requests`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(CREATE_RUN_REQUESTS);
    await new PendingRoutes1763700000700().up(runner);
  }
}
