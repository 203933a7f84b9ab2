export * from './assemble-context';
export * from './context-overflow-error';
export * from './context-types';
export * from './token-count';
export * from './untrusted-content';
