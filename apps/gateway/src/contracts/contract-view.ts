import type { GetPromptContextReply, StoredContract, ValidateOutputReply } from '@sigil/schemas';

type StoredFacts = Pick<StoredContract, 'contractJson' | 'revision' | 'isTemplate' | 'createdAt' | 'updatedAt'>;

function parsedJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`contracts service sent ${what} that is not JSON`);
  }
}

export type ContractView = Record<string, unknown> & { revision: number; is_template: boolean; created_at: string | null; updated_at: string | null };

/** A contract as the API shows it: its wire JSON (as the contracts service stored it) and the store's bookkeeping. */
export function contractView(stored: StoredFacts): ContractView {
  const wire = parsedJson(stored.contractJson, 'a contract');
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire)) throw new Error('contracts service sent a contract that is not a JSON object');
  return {
    ...(wire as Record<string, unknown>),
    revision: stored.revision,
    is_template: stored.isTemplate,
    created_at: stored.createdAt || null,
    updated_at: stored.updatedAt || null,
  };
}

/** What the service needs to know about an output: a string is the raw text a model wrote, anything else is JSON. */
export function outputPayload(output: unknown): { outputJson: string; outputIsText: boolean } {
  if (typeof output === 'string') return { outputJson: output, outputIsText: true };
  return { outputJson: JSON.stringify(output), outputIsText: false };
}

export function validationView(reply: Pick<ValidateOutputReply, 'isValid' | 'errors'>) {
  return {
    is_valid: reply.isValid,
    errors: reply.errors.map(({ field, rule, expected, actual, message }) => ({ field, rule, expected, actual, message })),
  };
}

/** `success_rate` is null while no validation has been stored: nothing has passed or failed yet. */
export function promptContextView(reply: Pick<GetPromptContextReply, 'prompt' | 'commonMistakes' | 'exemplars' | 'successRate' | 'validations'>) {
  const validations = Number(reply.validations);
  return {
    prompt: reply.prompt,
    common_mistakes: [...reply.commonMistakes],
    exemplars: reply.exemplars.map((exemplar) => parsedJson(exemplar, 'an exemplar')),
    success_rate: validations > 0 ? reply.successRate : null,
    validations,
  };
}
