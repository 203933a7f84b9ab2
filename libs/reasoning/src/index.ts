export * from './deterministic-provider';
