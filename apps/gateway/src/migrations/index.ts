import { CreateApiKeys1763700000400 } from './create-api-keys.migration';

export const gatewayMigrations = [CreateApiKeys1763700000400];
