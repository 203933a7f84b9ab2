// Jest runs globalSetup/globalTeardown outside its module system (no path aliases), so the harness
// is loaded from the build: `./sigil test` builds before it tests.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function loadHarness(name) {
  const file = path.resolve(import.meta.dirname, '../../dist/libs/testing/src', `${name}.js`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run ./sigil test (or npm run build) first`);
  return (await import(pathToFileURL(file).href)).default;
}
