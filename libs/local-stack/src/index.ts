export * from './binaries';
export * from './infrastructure';
export * from './nats';
export * from './ports';
export * from './postgres';
export * from './processes';
export * from './redis';
export * from './services';
