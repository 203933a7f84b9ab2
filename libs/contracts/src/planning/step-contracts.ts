import type { ContractShape, Deliverable, DeliverableType, FailureStrategy } from '../model/contract';

export interface PlanStepInput {
  id: string;
  /** `tool_call`, `reasoning` or any other step kind the planner has. */
  kind: string;
  description: string;
  tool?: string;
}

export type AttachmentReason = 'final_step' | 'structured_tool' | 'structured_reasoning';

/** The lightweight contract a plan step's output is checked against (it compiles like a contract). */
export interface StepContractSpec extends ContractShape {
  stepId: string;
  reason: AttachmentReason;
  failureStrategy: FailureStrategy;
  maxRetries: number;
}

const field = (name: string, type: DeliverableType, description: string): Deliverable => ({ name, type, description, required: true, validationRules: [] });

/** Tools whose results later steps read as data, with the fields those steps rely on. */
export const STRUCTURED_OUTPUT_TOOLS: Readonly<Record<string, Deliverable[]>> = {
  crm_lookup: [field('record_id', 'str', 'CRM record id'), field('fields', 'dict', 'Record fields')],
  crm_update: [field('record_id', 'str', 'CRM record id'), field('status', 'str', 'Update status')],
  calendar_check_availability: [field('available_slots', 'list', 'Free slots as ISO 8601 start times')],
  calendar_create_event: [field('event_id', 'str', 'Calendar event id'), field('start_time', 'str', 'Start as ISO 8601')],
  web_search: [field('results', 'list', 'Search results')],
  database_query: [field('rows', 'list', 'Result rows')],
  send_sms: [field('message_id', 'str', 'Provider message id'), field('status', 'str', 'Delivery status')],
};

/** Words in a reasoning step's description that promise structured output, matched as whole words. */
export const STRUCTURED_OUTPUT_KEYWORDS: ReadonlySet<string> = new Set([
  'score',
  'scoring',
  'rank',
  'ranking',
  'rate',
  'rating',
  'classify',
  'categorize',
  'extract',
  'compare',
  'json',
  'table',
  'list',
  'structured',
]);

function promisesStructure(description: string): boolean {
  return (description.toLowerCase().match(/[a-z]+/g) ?? []).some((word) => STRUCTURED_OUTPUT_KEYWORDS.has(word));
}

/** A step's own contract gets one retry before the plan has to deal with the violation. */
export const STEP_CONTRACT_RETRIES = 1;

/**
 * Which steps get a contract (§5.3): the final step always gets the run's contract; a tool call if
 * its tool is in STRUCTURED_OUTPUT_TOOLS (its known fields); a reasoning step if its description
 * promises structure (only a JSON object is asked for, as its fields are not known in advance).
 * The final step is the last one: plans come in dependency order.
 */
export function attachStepContracts(steps: PlanStepInput[], mainContract: (ContractShape & Pick<StepContractSpec, 'failureStrategy' | 'maxRetries'>) | null): StepContractSpec[] {
  return steps.flatMap((step, index): StepContractSpec[] => {
    if (index === steps.length - 1) {
      // Without a run contract the answer only has to be non-empty: no step narrows that.
      if (!mainContract) return [];
      const { name, deliverables, failureStrategy, maxRetries } = mainContract;
      return [{ stepId: step.id, reason: 'final_step', name, deliverables, failureStrategy, maxRetries }];
    }
    const lightweight = { stepId: step.id, name: `${step.id}_output`, failureStrategy: 'retry' as const, maxRetries: STEP_CONTRACT_RETRIES };
    const toolFields = step.kind === 'tool_call' && step.tool !== undefined ? STRUCTURED_OUTPUT_TOOLS[step.tool] : undefined;
    if (toolFields) return [{ ...lightweight, reason: 'structured_tool', deliverables: toolFields }];
    if (step.kind === 'reasoning' && promisesStructure(step.description)) return [{ ...lightweight, reason: 'structured_reasoning', deliverables: [] }];
    return [];
  });
}
