import type { MessageInitShape } from '@bufbuild/protobuf';
import { contractComplexityBoost, effectiveComplexity } from '@sigil/contracts';
import type { ContractSelectedSchema } from '@sigil/schemas';
import { selectStrategy } from '@sigil/strategy-ranges';
import { wireJsonOf } from '../contracts/contract-replies';
import type { PromptLearning } from '../learning/validation-history';
import type { ContractChoice } from './contract-choice';
import { contractPromptContext } from './prompt-context';
import type { RunSelection } from './run-selections';

export interface RouteOfRun {
  runId: string;
  sessionId: string;
  complexity: number;
  /** The router's reasoning strategy, kept when no contract asks for more. */
  strategy: string;
}

export interface SelectionOutcome {
  /** What the run's validation will hold it to. */
  selection: RunSelection;
  selected: MessageInitShape<typeof ContractSelectedSchema>;
}

/**
 * The stored selection and the ContractSelected event for a choice. A contract raises the
 * complexity its reasoning strategy is chosen by (§5.4 reasoning bridge) and brings the prompt's
 * contract section, with the tenant's common mistakes and exemplars. Without a contract the route's
 * strategy stands; without one or with a refused override, no attempt can succeed by retrying, so
 * the strategy is fail with no retries.
 */
export function selectionOutcome(route: RouteOfRun, choice: ContractChoice, learning: PromptLearning): SelectionOutcome {
  const ids = { runId: route.runId, sessionId: route.sessionId };
  if (choice.kind !== 'contract') {
    const contractName = choice.kind === 'refused' ? choice.contractName : '';
    const selectionErrors = choice.kind === 'refused' ? choice.errors : [];
    return {
      selection: {
        contractName: contractName || null,
        contractJson: null,
        inline: false,
        failureStrategy: 'fail',
        maxRetries: 0,
        tokenBudget: 0,
        requiredFields: [],
        reason: choice.reason,
        complexity: route.complexity,
        selectionErrors,
      },
      selected: { ...ids, contractName, failureStrategy: 'fail', maxRetries: 0, boostedComplexity: route.complexity, strategy: route.strategy, reason: choice.reason },
    };
  }
  const { contract, failureStrategy, maxRetries, tokenBudget } = choice;
  const shape = { deliverables: contract.deliverables, failureStrategy };
  const boost = contractComplexityBoost(shape);
  const boostedComplexity = effectiveComplexity(route.complexity, shape);
  const strategy = selectStrategy(boostedComplexity).strategy;
  const reason = boost.boost > 0 ? `${choice.reason}; reasoning at ${boostedComplexity} (${boost.reasons.join(', ')}): ${strategy}` : choice.reason;
  const requiredFields = contract.deliverables.filter((deliverable) => deliverable.required).map((deliverable) => deliverable.name);
  return {
    selection: {
      contractName: contract.name,
      contractJson: wireJsonOf(contract),
      inline: choice.inline,
      failureStrategy,
      maxRetries,
      tokenBudget,
      requiredFields,
      reason,
      complexity: route.complexity,
      selectionErrors: [],
    },
    selected: {
      ...ids,
      contractName: contract.name,
      failureStrategy,
      maxRetries,
      requiredFields,
      promptContext: contractPromptContext({ contract, ...learning }),
      boostedComplexity,
      strategy,
      tokenBudget: BigInt(tokenBudget),
      reason,
    },
  };
}
