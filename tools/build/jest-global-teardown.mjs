import { loadHarness } from './jest-harness.mjs';

export default async function globalTeardown() {
  await (await loadHarness('global-teardown'))();
}
