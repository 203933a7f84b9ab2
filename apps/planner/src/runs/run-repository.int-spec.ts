import { createServiceDataSource, migrateServiceDatabase } from '@sigil/persistence';
import { testInfrastructure } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PLANNER_SCHEMA, plannerMigrations } from '../migrations';
import { runRepository } from './run-repository';

const RUN = randomUUID().slice(0, 8);
const TENANT = `repository-${RUN}`;
const SESSION = `session-${RUN}`;

/** The lock statement's history, on the harness's PostgreSQL. */
describe('a run request reads its session history in the lock statement', () => {
  let dataSource: DataSource;

  const completedTurn = (session: string, runId: string, input: string, response: string, finishedAtMs: number) =>
    dataSource.query(
      `INSERT INTO planner.runs (tenant_id, run_id, session_id, status, state, finished_at) VALUES ($1, $2, $3, 'completed', $4, to_timestamp($5::double precision / 1000))`,
      [TENANT, runId, session, { request: { input }, result: { response } }, finishedAtMs],
    );

  beforeAll(async () => {
    const { databaseUrl } = testInfrastructure();
    const database = { url: databaseUrl, schema: PLANNER_SCHEMA, migrations: plannerMigrations };
    await migrateServiceDatabase(database);
    dataSource = await createServiceDataSource(database).initialize();
  });

  afterAll(async () => {
    await dataSource?.query(`DELETE FROM planner.runs WHERE tenant_id = $1`, [TENANT]);
    await dataSource?.destroy();
  });

  it("given a request of a run that has completed itself (redelivered, its finish stamped by a clock behind the gateway's), when its lock reads the history, then the run's own turn is not in it", async () => {
    const askedAtMs = Date.now();
    await completedTurn(SESSION, `earlier-${RUN}`, 'What is our fiscal year?', 'It starts in April.', askedAtMs - 60_000);
    await completedTurn(SESSION, `redelivered-${RUN}`, 'And when does it end?', 'In March.', askedAtMs - 1_000);

    const rows = await dataSource.query(runRepository.lockStatement(TENANT, `redelivered-${RUN}`, SESSION, { askedAtMs, turns: 10 }));

    expect(runRepository.lockedHistory(rows)).toEqual([{ input: 'What is our fiscal year?', response: 'It starts in April.' }]);
  });

  it('given a turn of the session that finished after the request was made, when the request reads its history, then that turn is not in it', async () => {
    const session = `${SESSION}-later`;
    const askedAtMs = Date.now() - 30_000;
    await completedTurn(session, `later-${RUN}`, 'A later question', 'A later answer', askedAtMs + 5_000);

    const rows = await dataSource.query(runRepository.lockStatement(TENANT, `asking-${RUN}`, session, { askedAtMs, turns: 10 }));

    expect(runRepository.lockedHistory(rows)).toEqual([]);
  });
});
