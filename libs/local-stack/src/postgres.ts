import { chownSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { findBinary, runningAsRoot } from './binaries';
import type { ServerInstance } from './nats';
import { logFile, portIsOpen, runOrThrow, startBackground, waitFor } from './processes';

const SYSTEM_USER = 'postgres';

export interface PostgresCredentials {
  user: string;
  password: string;
  database: string;
}

export const localPostgresCredentials: PostgresCredentials = { user: 'sigil', password: 'sigil-local', database: 'sigil' };

function systemUserIds(): { uid: number; gid: number } {
  const passwd = runOrThrow('getent', ['passwd', SYSTEM_USER]).split(':');
  return { uid: Number(passwd[2]), gid: Number(passwd[3]) };
}

/**
 * PostgreSQL on loopback with its cluster under `<stateDir>/postgres`, password authentication,
 * and one database; as root it runs as the `postgres` system user, which initdb requires.
 */
export async function startPostgres(
  stateDir: string,
  port: number,
  options: { credentials?: PostgresCredentials; durable?: boolean } = {},
): Promise<ServerInstance> {
  const credentials = options.credentials ?? localPostgresCredentials;
  // Throwaway test clusters skip fsync; the platform started by `./sigil up` keeps it.
  const durability = options.durable === false ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off'] : [];
  const dataDir = path.join(stateDir, 'postgres');
  const socketDir = path.join(stateDir, 'postgres-socket');
  const runAs = runningAsRoot() ? SYSTEM_USER : undefined;
  for (const dir of [dataDir, socketDir]) mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (runAs) {
    const { uid, gid } = systemUserIds();
    for (const dir of [dataDir, socketDir]) chownSync(dir, uid, gid);
  }
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    const pwFile = path.join(socketDir, 'pw');
    writeFileSync(pwFile, credentials.password, { mode: 0o600 });
    if (runAs) chownSync(pwFile, systemUserIds().uid, systemUserIds().gid);
    runOrThrow(findBinary('initdb'), ['-D', dataDir, '-U', credentials.user, '--pwfile', pwFile, '--auth', 'scram-sha-256', '-E', 'UTF8', '--no-instructions'], runAs);
  }
  startBackground({
    name: 'postgres',
    command: findBinary('postgres'),
    args: ['-D', dataDir, '-h', '127.0.0.1', '-p', String(port), '-k', socketDir, '-c', 'max_connections=200', ...durability],
    stateDir,
    runAs,
  });
  await waitFor(`postgres on ${port}`, () => portIsOpen(port), 30_000, logFile(stateDir, 'postgres'));
  const env = { ...process.env, PGPASSWORD: credentials.password };
  const psql = (sql: string, database = 'postgres') =>
    runOrThrow(findBinary('psql'), ['-h', '127.0.0.1', '-p', String(port), '-U', credentials.user, '-d', database, '-tAc', sql], undefined, env);
  await waitFor('postgres accepting queries', async () => {
    try {
      psql('select 1');
      return true;
    } catch {
      return false;
    }
  });
  if (!psql(`select 1 from pg_database where datname = '${credentials.database}'`).trim()) {
    psql(`create database ${credentials.database}`);
  }
  const { user, password, database } = credentials;
  return { url: `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`, port };
}
