import { createRequire } from 'node:module';
import type * as Hnswlib from 'hnswlib-node';

/** hnswlib-node is a CommonJS native addon whose exports Node's ES module loader cannot see by name. */
export const { HierarchicalNSW } = createRequire(import.meta.url)('hnswlib-node') as typeof Hnswlib;
export type HierarchicalNSW = Hnswlib.HierarchicalNSW;
