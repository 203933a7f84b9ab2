export const SERVICE_SETTINGS = Symbol('SERVICE_SETTINGS');
export const NATS_CONNECTION = Symbol('NATS_CONNECTION');
export const REDIS = Symbol('REDIS');
