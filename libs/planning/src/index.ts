export * from './plan-answer';
export { type Decision } from './run-endings';
export * from './run-reports';
export * from './run-saga';
export * from './run-settings';
export * from './run-state';
export * from './step-context';
export * from './step-failure';
