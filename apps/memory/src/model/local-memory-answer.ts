import type { LocalAnswer, LlmMessage } from '@sigil/llm';
import { memoryLocalAnswer } from '@sigil/memory';

const textOf = (message: LlmMessage): string =>
  typeof message.content === 'string' ? message.content : message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])).join('\n');

/**
 * The local model's answer in the LLM layer's shape. It answers the conversation's first user
 * message, the prompt: a correction turn after an unreadable answer adds no new prompt, and the
 * deterministic answer to the prompt is readable anyway.
 */
export const localMemoryAnswer: LocalAnswer = (request) => {
  const prompt = request.messages.find((message) => message.role === 'user');
  return { text: memoryLocalAnswer(request.system, prompt ? textOf(prompt) : '') };
};
