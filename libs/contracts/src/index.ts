export * from './contract-selection';
export * from './output-validation';
