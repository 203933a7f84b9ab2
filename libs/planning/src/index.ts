export * from './run-saga';
export * from './run-state';
