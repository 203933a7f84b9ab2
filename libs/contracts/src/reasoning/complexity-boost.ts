import type { Contract, ElementSpec } from '../model/contract';

export interface ComplexityBoost {
  boost: number;
  /** Why, for the strategy recommendation's explanation. */
  reasons: string[];
}

/**
 * §5.4: a strict or large contract deserves a more thorough reasoning strategy. +0.2 for the fail
 * strategy, +0.1 for more than 5 deliverables, +0.1 for more than 10 rules (nested ones included).
 */
export function contractComplexityBoost(contract: Pick<Contract, 'deliverables' | 'failureStrategy'>): ComplexityBoost {
  const reasons: string[] = [];
  let boost = 0;
  if (contract.failureStrategy === 'fail') {
    boost += 0.2;
    reasons.push('fail strategy: +0.2');
  }
  if (contract.deliverables.length > 5) {
    boost += 0.1;
    reasons.push(`${contract.deliverables.length} deliverables (> 5): +0.1`);
  }
  const rules = countRules(contract.deliverables);
  if (rules > 10) {
    boost += 0.1;
    reasons.push(`${rules} validation rules (> 10): +0.1`);
  }
  return { boost: round(boost), reasons };
}

/** The complexity the reasoning strategy is chosen by, capped at 1. */
export function effectiveComplexity(baseComplexity: number, contract: Pick<Contract, 'deliverables' | 'failureStrategy'>): number {
  return round(Math.min(1, baseComplexity + contractComplexityBoost(contract).boost));
}

/** Every rule entry, including `items` rules and the rules inside elements and properties. */
export function countRules(specs: ElementSpec[]): number {
  return specs.reduce(
    (total, spec) =>
      total + spec.validationRules.reduce((sum, rule) => sum + 1 + (rule.rule === 'items' ? countRules([rule.value]) : 0), 0) + countRules(spec.properties ?? []),
    0,
  );
}

/** Tenths added in floating point drift (0.5 + 0.4 = 0.9000000000000001); complexities are compared to 0.9. */
const round = (value: number) => Math.round(value * 100) / 100;
