/** A call to the memory service's model: what `LlmRequest` needs, with the user turn as one text. */
export interface MemoryPrompt {
  system: string;
  user: string;
  maxOutputTokens: number;
}
