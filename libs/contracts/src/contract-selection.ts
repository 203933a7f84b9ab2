export type FailureStrategy = 'retry' | 'fallback' | 'partial' | 'template' | 'escalate' | 'fail';

export interface SelectedContract {
  /** null when no contract applies: the output then only has to be a non-empty response. */
  name: string | null;
  failureStrategy: FailureStrategy;
  maxRetries: number;
  requiredFields: string[];
}

export const NO_CONTRACT: SelectedContract = { name: null, failureStrategy: 'fail', maxRetries: 0, requiredFields: [] };

/**
 * The complexity thresholds of spec §5: no contract below 0.5, fallback below 0.7, retry below 0.9,
 * fail above. The skeleton's one contract asks for a non-empty response; templates come later.
 */
export function selectContract(complexity: number, useContracts: boolean): SelectedContract {
  if (!useContracts || complexity < 0.5) return NO_CONTRACT;
  const failureStrategy: FailureStrategy = complexity < 0.7 ? 'fallback' : complexity < 0.9 ? 'retry' : 'fail';
  return { name: 'general_response', failureStrategy, maxRetries: failureStrategy === 'retry' ? 2 : 0, requiredFields: ['response'] };
}
