export * from './strategy-ranges';
