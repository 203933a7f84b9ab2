export * from './config/service-settings';
export * from './health/dependency-checks';
export * from './platform/platform.module';
export * from './platform/service-definition';
export * from './platform/start-service';
export * from './platform/tokens';
export * from './http/public-route';
export * from './redis/redis-script';
