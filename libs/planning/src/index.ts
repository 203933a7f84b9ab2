export * from './run-saga';
