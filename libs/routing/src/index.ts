export * from './complexity';
export * from './intent';
export * from './route-decision';
export * from '@sigil/strategy-ranges';
export * from './stratum';
export * from './subsystems';
