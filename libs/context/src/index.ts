export * from './context-types';
export * from './untrusted-content';
