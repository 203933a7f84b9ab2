/** What could not be made to fit, in estimated tokens. */
export interface ContextOverflowSizes {
  /** The agent's system prompt with the untrusted-data rule. */
  system: number;
  contract: number;
  instruction: number;
  /** The task cut to the shortest it may be. */
  taskMinimum: number;
  /** The whole context with everything droppable dropped. */
  required: number;
  /** `maxContextTokens - reserveOutputTokens`. */
  available: number;
  maxContextTokens: number;
  reserveOutputTokens: number;
}

/**
 * CTX_004: the parts that are never dropped (system prompt, contract, instruction, the task at its
 * minimum) do not fit the model's window. Retrying cannot help: the same input gives the same sizes.
 */
export class ContextOverflowError extends Error {
  readonly code = 'CTX_004';

  constructor(readonly sizes: ContextOverflowSizes) {
    super(
      `CTX_004 context overflow: the parts that are never dropped need ${sizes.required} tokens ` +
        `(system prompt ${sizes.system}, contract ${sizes.contract}, instruction ${sizes.instruction}, task at its minimum ${sizes.taskMinimum}) ` +
        `but only ${sizes.available} are available (context window ${sizes.maxContextTokens} minus ${sizes.reserveOutputTokens} reserved for the answer)`,
    );
    this.name = 'ContextOverflowError';
  }
}
