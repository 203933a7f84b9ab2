import { buildContractPrompt, type ContractPromptInput } from '@sigil/contracts';

const EMPTY_TASK_LINE = 'TASK: \n\n';

/**
 * The contract's part of a run's first prompt: buildContractPrompt without its TASK line. The
 * planner prepends `TASK: {input}\n\n` (firstPrompt), which makes the whole exactly what
 * buildContractPrompt gives for the real task.
 */
export function contractPromptContext(input: Omit<ContractPromptInput, 'task'>): string {
  const prompt = buildContractPrompt({ ...input, task: '' });
  if (!prompt.startsWith(EMPTY_TASK_LINE)) throw new Error('buildContractPrompt no longer starts with the TASK line; the planner prepends its own');
  return prompt.slice(EMPTY_TASK_LINE.length);
}
