import safeRegex from 'safe-regex2';
import { ANY_CHAR, EMPTY_SET, type CharSet, intersects, union } from './char-set';
import { type PatternNode, parsePattern } from './pattern-syntax';

/** Long patterns are hard to review and to reason about; none of the templates needs more than 60. */
export const MAX_PATTERN_LENGTH = 200;

/** What a part of a pattern can do, as far as backtracking cares. */
interface Shape {
  /** Characters a match of this part can start with. */
  first: CharSet;
  /** Characters it can match anywhere. */
  chars: CharSet;
  canBeEmpty: boolean;
  /** Contains a quantifier whose count can vary ({n} cannot). */
  hasVariableRepeat: boolean;
  /** Contains a quantifier without an upper bound. */
  hasUnboundedRepeat: boolean;
}

const ZERO_WIDTH: Shape = { first: EMPTY_SET, chars: EMPTY_SET, canBeEmpty: true, hasVariableRepeat: false, hasUnboundedRepeat: false };

/**
 * Why a pattern from an untrusted contract is refused, or undefined when it is accepted. A pattern
 * runs against model output on every validation, so anything that can backtrack exponentially (or
 * polynomially through competing quantifiers) is refused up front: nested quantifiers, repeated
 * groups that can match empty or whose alternatives overlap, adjacent unbounded quantifiers over
 * overlapping characters, backreferences and lookbehind. safe-regex2 (star height) checks again.
 */
export function patternProblem(source: string): string | undefined {
  if (source.length > MAX_PATTERN_LENGTH) return `pattern is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(source);
  } catch (error) {
    return `not a valid regular expression: ${(error as Error).message}`;
  }
  const problems: string[] = [];
  shapeOf(parsePattern(source), problems);
  if (problems.length > 0) return problems[0];
  if (!safeRegex(source)) return 'pattern may backtrack catastrophically (safe-regex2: star height above 1)';
  return undefined;
}

function shapeOf(node: PatternNode, problems: string[]): Shape {
  switch (node.kind) {
    case 'chars':
      return { first: node.set, chars: node.set, canBeEmpty: false, hasVariableRepeat: false, hasUnboundedRepeat: false };
    case 'assertion':
      return ZERO_WIDTH;
    case 'backreference':
      problems.push('backreferences are not allowed');
      return { ...ZERO_WIDTH, first: ANY_CHAR, chars: ANY_CHAR };
    case 'group':
      return groupShape(node.lookaround, node.alternatives, problems);
    case 'repeat':
      return repeatShape(node, problems);
  }
}

function groupShape(lookaround: 'none' | 'lookahead' | 'lookbehind', alternatives: PatternNode[][], problems: string[]): Shape {
  if (lookaround === 'lookbehind') problems.push('lookbehind is not allowed');
  const shapes = alternatives.map((sequence) => sequenceShape(sequence, problems));
  if (lookaround !== 'none') return ZERO_WIDTH;
  return {
    first: union(...shapes.map((shape) => shape.first)),
    chars: union(...shapes.map((shape) => shape.chars)),
    canBeEmpty: shapes.some((shape) => shape.canBeEmpty),
    hasVariableRepeat: shapes.some((shape) => shape.hasVariableRepeat),
    hasUnboundedRepeat: shapes.some((shape) => shape.hasUnboundedRepeat),
  };
}

function sequenceShape(sequence: PatternNode[], problems: string[]): Shape {
  const shapes = sequence.map((node) => shapeOf(node, problems));
  if (hasCompetingQuantifiers(shapes)) problems.push('adjacent quantifiers over overlapping characters, as in \\d+\\d+, are not allowed');
  const firstSolid = shapes.findIndex((shape) => !shape.canBeEmpty);
  const leading = firstSolid === -1 ? shapes : shapes.slice(0, firstSolid + 1);
  return {
    first: union(...leading.map((shape) => shape.first)),
    chars: union(...shapes.map((shape) => shape.chars)),
    canBeEmpty: firstSolid === -1,
    hasVariableRepeat: shapes.some((shape) => shape.hasVariableRepeat),
    hasUnboundedRepeat: shapes.some((shape) => shape.hasUnboundedRepeat),
  };
}

/** Two unbounded parts that can take the same characters, with nothing required between them. */
function hasCompetingQuantifiers(shapes: Shape[]): boolean {
  return shapes.some((shape, index) => {
    if (!shape.hasUnboundedRepeat) return false;
    for (const later of shapes.slice(index + 1)) {
      if (later.hasUnboundedRepeat && intersects(shape.chars, later.chars)) return true;
      if (!later.canBeEmpty) return false;
    }
    return false;
  });
}

function repeatShape(node: Extract<PatternNode, { kind: 'repeat' }>, problems: string[]): Shape {
  const body = shapeOf(node.body, problems);
  if (node.max > 1) {
    if (body.hasVariableRepeat) problems.push('nested quantifiers, as in (a+)+, are not allowed');
    else if (body.canBeEmpty) problems.push('a repeated part that can match nothing, as in (a?)*, is not allowed');
    if (node.body.kind === 'group' && alternativesOverlap(node.body.alternatives)) {
      problems.push('a repeated group whose alternatives can start alike, as in (a|a)*, is not allowed');
    }
  }
  return {
    first: body.first,
    chars: body.chars,
    canBeEmpty: node.min === 0 || body.canBeEmpty,
    hasVariableRepeat: node.min !== node.max || body.hasVariableRepeat,
    hasUnboundedRepeat: node.max === Infinity || body.hasUnboundedRepeat,
  };
}

function alternativesOverlap(alternatives: PatternNode[][]): boolean {
  // Problems inside the alternatives were already reported when the group's shape was taken.
  const firsts = alternatives.map((sequence) => sequenceShape(sequence, []).first);
  return firsts.some((first, index) => firsts.slice(index + 1).some((other) => intersects(first, other)));
}
