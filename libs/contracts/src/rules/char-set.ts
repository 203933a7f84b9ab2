/**
 * Sets of UTF-16 code units as sorted, disjoint, inclusive ranges: enough to tell whether two parts
 * of a pattern can match the same character, which is what makes backtracking ambiguous.
 */
export type CharSet = readonly (readonly [number, number])[];

export const MAX_CODE_UNIT = 0xffff;
export const EMPTY_SET: CharSet = [];
export const ANY_CHAR: CharSet = [[0, MAX_CODE_UNIT]];

export function charSetOf(ranges: readonly (readonly [number, number])[]): CharSet {
  const sorted = ranges.filter(([low, high]) => low <= high).sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [low, high] of sorted) {
    const last = merged.at(-1);
    if (last && low <= last[1] + 1) last[1] = Math.max(last[1], high);
    else merged.push([low, high]);
  }
  return merged;
}

export function singleChar(code: number): CharSet {
  return [[code, code]];
}

export function union(...sets: CharSet[]): CharSet {
  return charSetOf(sets.flat());
}

export function complement(set: CharSet): CharSet {
  const gaps: [number, number][] = [];
  let next = 0;
  for (const [low, high] of set) {
    if (low > next) gaps.push([next, low - 1]);
    next = high + 1;
  }
  if (next <= MAX_CODE_UNIT) gaps.push([next, MAX_CODE_UNIT]);
  return gaps;
}

export function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i][1] < b[j][0]) i += 1;
    else if (b[j][1] < a[i][0]) j += 1;
    else return true;
  }
  return false;
}

const code = (char: string) => char.charCodeAt(0);

/** The class escapes \d, \w, \s as ECMAScript defines them (non-unicode mode). */
export const DIGIT: CharSet = [[code('0'), code('9')]];
export const WORD: CharSet = charSetOf([[code('0'), code('9')], [code('A'), code('Z')], [code('_'), code('_')], [code('a'), code('z')]]);
export const SPACE: CharSet = charSetOf([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);
/** `.` without the s flag: anything but line terminators. */
export const DOT: CharSet = complement(charSetOf([[0x0a, 0x0a], [0x0d, 0x0d], [0x2028, 0x2029]]));
