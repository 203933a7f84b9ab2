export * from './complexity';
export * from './intent';
export * from './route-decision';
export * from './strategy';
export * from './stratum';
export * from './subsystems';
