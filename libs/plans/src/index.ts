export * from './plan';
export * from './plan-dag';
export * from './plan-parser';
export * from './planning-prompt';
export * from './deterministic-plan';
