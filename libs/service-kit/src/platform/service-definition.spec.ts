import type { MigrationInterface } from 'typeorm';
import { serviceMigrations, type ServiceDefinition } from './service-definition';

class OwnTables1763700000100 implements MigrationInterface {
  up = () => Promise.resolve();
  down = () => Promise.resolve();
}

const definition = (exactlyOnce: boolean): ServiceDefinition => ({
  name: 'planner',
  defaultPort: 8102,
  schema: 'planner',
  migrations: [OwnTables1763700000100],
  exactlyOnce,
  features: [],
});

describe('service migrations', () => {
  it('given a service that uses the inbox and outbox, when its migrations are listed, then the messaging tables come first', () => {
    const names = serviceMigrations(definition(true)).map((Migration) => new Migration().name ?? Migration.name);
    expect(names).toEqual(['MessagingTables1763700000000', 'OwnTables1763700000100']);
  });

  it('given a service without them, when its migrations are listed, then only its own tables are created', () => {
    expect(serviceMigrations(definition(false))).toEqual([OwnTables1763700000100]);
  });
});
