// Compiles apps/, libs/ and tools/ to dist/ with swc (decorator metadata on, path aliases resolved).
// Type checking is a separate step (`npm run typecheck`), which keeps this fast on two cores.
import { transformFile } from '@swc/core';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { swcOptions, root } = require('./swc-options.cjs');
const outDir = path.join(root, 'dist');
const sourceDirs = ['apps', 'libs', 'tools'];
const isTest = (file) => /\.(spec|int-spec|e2e-spec)\.ts$/.test(file);

async function* typescriptFiles(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* typescriptFiles(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !isTest(entry.name)) yield full;
  }
}

await rm(outDir, { recursive: true, force: true });
const options = swcOptions({ resolvePaths: true });
let count = 0;
for (const dir of sourceDirs) {
  for await (const file of typescriptFiles(path.join(root, dir))) {
    const { code } = await transformFile(file, { ...options, filename: file, swcrc: false, configFile: false });
    const target = path.join(outDir, path.relative(root, file)).replace(/\.ts$/, '.js');
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, code);
    count += 1;
  }
}
process.stdout.write(`built ${count} files into dist/\n`);
