import { CreateContractStore1763700000600 } from './create-contract-store.migration';
import { CreateVerificationTables1763700000200 } from './create-verification-tables.migration';
import { DropRunRequests1763700000800 } from './drop-run-requests.migration';
import { PendingRoutes1763700000700 } from './pending-routes.migration';
import { SelectionSource1763700000900 } from './selection-source.migration';

export const CONTRACTS_SCHEMA = 'contracts';
export const contractsMigrations = [CreateVerificationTables1763700000200, CreateContractStore1763700000600, PendingRoutes1763700000700, DropRunRequests1763700000800, SelectionSource1763700000900];
