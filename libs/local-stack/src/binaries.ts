import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const onPath = (name: string) =>
  (process.env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, name)).find((file) => existsSync(file));

/** Finds a server binary on PATH, or for PostgreSQL in Debian's versioned directory. */
export function findBinary(name: string): string {
  const found = onPath(name);
  if (found) return found;
  const pgRoot = '/usr/lib/postgresql';
  if (existsSync(pgRoot)) {
    for (const version of readdirSync(pgRoot).sort().reverse()) {
      const candidate = path.join(pgRoot, version, 'bin', name);
      if (existsSync(candidate)) return candidate;
    }
  }
  throw new Error(`${name} is not installed (run ./sigil up or ./sigil test, which install it)`);
}

export const runningAsRoot = () => process.getuid?.() === 0;
