import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox (processed message ids, for exactly-once effects) and the outbox (events written in the
 * same transaction as the state change that causes them, relayed to JetStream afterwards).
 * Every service that changes state on bus messages includes this migration for its own schema.
 */
export function messagingTablesMigration(schema: string): new () => MigrationInterface {
  return class MessagingTables implements MigrationInterface {
    name = 'MessagingTables1763700000000';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`
        CREATE TABLE "${schema}".inbox (
          tenant_id text NOT NULL,
          consumer text NOT NULL,
          message_id text NOT NULL,
          processed_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (tenant_id, consumer, message_id)
        )`);
      await runner.query(`
        CREATE TABLE "${schema}".outbox (
          id text PRIMARY KEY,
          tenant_id text NOT NULL,
          subject text NOT NULL,
          envelope jsonb NOT NULL,
          payload bytea NOT NULL,
          created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
          published_at timestamptz
        )`);
      await runner.query(`CREATE INDEX outbox_unpublished ON "${schema}".outbox (created_at) WHERE published_at IS NULL`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`DROP TABLE "${schema}".outbox`);
      await runner.query(`DROP TABLE "${schema}".inbox`);
    }
  };
}
