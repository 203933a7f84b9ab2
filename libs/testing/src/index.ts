export * from './eventually';
export * from './infrastructure-env';
export * from './test-processes';
export * from './nats-restart';
export * from './fake-anthropic';
export * from './stream-purge';
export * from './fake-embeddings';
export * from './statement-count';
