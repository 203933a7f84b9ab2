import { loadHarness } from './jest-harness.mjs';

export default async function globalSetup() {
  await (await loadHarness('global-setup'))();
}
