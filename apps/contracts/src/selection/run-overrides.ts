import type { RouteDecided } from '@sigil/schemas';

/** What POST /v7/contracts/execute asked of a run; null where it asked nothing. */
export interface RunOverrides {
  contractName: string | null;
  contractJson: string | null;
  forceStrategy: string | null;
}

/** proto3 sends an unset field as ''. */
const given = (value: string) => (value === '' ? null : value);

/** The overrides the router copied from the run request into its route. */
export function overridesOf(route: Pick<RouteDecided, 'contractName' | 'contractJson' | 'forceStrategy'>): RunOverrides {
  return { contractName: given(route.contractName), contractJson: given(route.contractJson), forceStrategy: given(route.forceStrategy) };
}

export const asksNothing = ({ contractName, contractJson, forceStrategy }: RunOverrides): boolean => contractName === null && contractJson === null && forceStrategy === null;
