export * from './events';
export * from './queries';
export * from './registry';
export * from './live-subjects';
