import { UNTRUSTED_DATA_RULE } from '@sigil/context';
import type { ModelContentBlock } from '../model/model-port';

/**
 * The stable header every strategy prompt carries in its system prompt (`## REASONING PROTOCOL: <name>`):
 * a real model reads it as the heading of its instructions; the local model recognises the call by it.
 */
export const PROTOCOL_HEADER = '## REASONING PROTOCOL:';

export type ProtocolName =
  | 'chain_of_thought'
  | 'tree_of_thoughts.propose'
  | 'tree_of_thoughts.evaluate'
  | 'tree_of_thoughts.expand'
  | 'react'
  | 'mcts.expand'
  | 'mcts.rollout'
  | 'mcts.evaluate';

/** The step's own system prompt, then the strategy's instructions under its header. */
export function protocolSystem(stepSystem: string, protocol: ProtocolName, instructions: string[]): string {
  const section = [`${PROTOCOL_HEADER} ${protocol}`, ...instructions, UNTRUSTED_DATA_RULE].join('\n');
  return stepSystem.trim() ? `${stepSystem.trim()}\n\n${section}` : section;
}

/** The protocol a system prompt asks for, and the step's system prompt before it. */
export function readProtocol(system: string): { protocol?: ProtocolName; stepSystem: string } {
  const at = system.indexOf(PROTOCOL_HEADER);
  if (at < 0) return { stepSystem: system };
  const protocol = /^[a-z_.]+/.exec(system.slice(at + PROTOCOL_HEADER.length).trimStart())?.[0] as ProtocolName | undefined;
  return { protocol, stepSystem: system.slice(0, at).trimEnd() };
}

/**
 * A user message: the step's prompt as its first text block (the task, as the planner assembled it),
 * then what this call adds (candidates, a partial solution, an instruction), each its own block.
 */
export function taskMessage(prompt: string, ...additions: string[]): { role: 'user'; content: ModelContentBlock[] } {
  return { role: 'user', content: [prompt, ...additions].map((text) => ({ type: 'text', text })) };
}

const FINAL_ANSWER = /FINAL ANSWER\s*:/gi;

/** The text after the last `FINAL ANSWER:` line marker, and the reasoning before it; undefined when there is none or it is empty. */
export function readFinalAnswer(text: string): { reasoning: string; answer: string } | undefined {
  const markers = [...text.matchAll(FINAL_ANSWER)];
  const last = markers.at(-1);
  if (!last || last.index === undefined) return undefined;
  const answer = text.slice(last.index + last[0].length).trim();
  return answer ? { reasoning: text.slice(0, last.index).trim(), answer } : undefined;
}

const SCORE = /SCORE\s*[:=]?\s*\**\s*(-?\d+(?:\.\d+)?)\s*(%|\/\s*(\d+(?:\.\d+)?))?/i;
const ANY_NUMBER = /(-?\d+(?:\.\d+)?)\s*(%|\/\s*(\d+(?:\.\d+)?))?/;

/**
 * A score on the scale 0..max, read robustly: `SCORE: 7`, `score = 7/10`, `**Score:** 70%`, or else
 * the first number in the text; a score on another scale (`8/10` when 0..1 is asked, `85%`) is
 * rescaled, and anything outside the scale is clamped. Undefined when the text holds no number.
 */
export function readScore(text: string, max: number): number | undefined {
  const match = SCORE.exec(text) ?? ANY_NUMBER.exec(text);
  if (!match) return undefined;
  let value = Number(match[1]);
  if (match[2] === '%') value = (value / 100) * max;
  else if (match[3] && Number(match[3]) > 0) value = (value / Number(match[3])) * max;
  else if (max === 1 && value > 1 && value <= 10) value = value / 10;
  else if (max === 1 && value > 10 && value <= 100) value = value / 100;
  return Math.min(Math.max(value, 0), max);
}

export interface Candidate {
  approach: string;
  answer: string;
}

const CANDIDATE = /^[\s*#]*CANDIDATE\s*#?\s*\d+\s*\**\s*:?\**\s*$/gim;
const APPROACH = /^[\s*]*APPROACH\s*\**\s*:\**/im;
const ANSWER = /^[\s*]*ANSWER\s*\**\s*:\**/im;

/** `CANDIDATE n:` blocks with an `APPROACH:` and an `ANSWER:` (which may span lines); blocks without an answer are left out. */
export function readCandidates(text: string): Candidate[] {
  const starts = [...text.matchAll(CANDIDATE)].map((match) => ({ from: match.index ?? 0, body: (match.index ?? 0) + match[0].length }));
  return starts
    .map((start, i) => text.slice(start.body, starts[i + 1]?.from ?? text.length))
    .map((block) => {
      const answerAt = ANSWER.exec(block);
      if (!answerAt) return undefined;
      const answer = block.slice(answerAt.index + answerAt[0].length).trim();
      const beforeAnswer = block.slice(0, answerAt.index);
      const approachAt = APPROACH.exec(beforeAnswer);
      const approach = (approachAt ? beforeAnswer.slice(approachAt.index + approachAt[0].length) : beforeAnswer).trim();
      return answer ? { approach, answer } : undefined;
    })
    .filter((candidate): candidate is Candidate => candidate !== undefined);
}

const OPTION = /^[\s*-]*OPTION\s*#?\s*\d+\s*\**\s*[:.)]\**\s*(.+)$/gim;

/** One-line `OPTION n: …` proposals, in order, without duplicates. */
export function readOptions(text: string): string[] {
  const options = [...text.matchAll(OPTION)].map((match) => match[1].trim()).filter(Boolean);
  return [...new Set(options)];
}
