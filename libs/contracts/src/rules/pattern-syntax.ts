import { DIGIT, DOT, SPACE, WORD, type CharSet, charSetOf, complement, singleChar, union } from './char-set';

/**
 * A regular expression (ECMAScript, no flags) as a tree of what matters for backtracking: which
 * characters each part can match, how parts repeat, and what is zero-width. Only patterns that
 * `new RegExp` accepts are parsed here, so the parser can be lenient where the engine is.
 */
export type PatternNode =
  | { kind: 'chars'; set: CharSet }
  | { kind: 'assertion' }
  | { kind: 'backreference' }
  | { kind: 'group'; lookaround: 'none' | 'lookahead' | 'lookbehind'; alternatives: PatternNode[][] }
  | { kind: 'repeat'; body: PatternNode; min: number; max: number };

const QUANTIFIER_BRACES = /^\{(\d+)(,(\d*))?\}/;
const CLASS_ESCAPES: Record<string, CharSet> = {
  d: DIGIT,
  D: complement(DIGIT),
  w: WORD,
  W: complement(WORD),
  s: SPACE,
  S: complement(SPACE),
};
const HEX = /^[0-9a-fA-F]+$/;
const CONTROL_ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, v: 11, f: 12, '0': 0 };

export function parsePattern(source: string): PatternNode {
  const parser = new PatternParser(source);
  const alternatives = parser.alternatives();
  if (!parser.atEnd()) throw new SyntaxError(`unexpected "${source[parser.position]}" at ${parser.position}`);
  return { kind: 'group', lookaround: 'none', alternatives };
}

class PatternParser {
  position = 0;

  constructor(private readonly source: string) {}

  atEnd(): boolean {
    return this.position >= this.source.length;
  }

  alternatives(): PatternNode[][] {
    const alternatives = [this.sequence()];
    while (this.peek() === '|') {
      this.position += 1;
      alternatives.push(this.sequence());
    }
    return alternatives;
  }

  private sequence(): PatternNode[] {
    const nodes: PatternNode[] = [];
    while (!this.atEnd() && this.peek() !== '|' && this.peek() !== ')') nodes.push(this.quantified(this.atom()));
    return nodes;
  }

  private quantified(atom: PatternNode): PatternNode {
    const char = this.peek();
    let bounds: [number, number] | undefined;
    if (char === '*') bounds = [0, Infinity];
    else if (char === '+') bounds = [1, Infinity];
    else if (char === '?') bounds = [0, 1];
    if (bounds) this.position += 1;
    else if (char === '{') {
      const braces = QUANTIFIER_BRACES.exec(this.source.slice(this.position));
      if (!braces) return atom;
      const min = Number(braces[1]);
      bounds = [min, braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3])];
      this.position += braces[0].length;
    } else return atom;
    if (this.peek() === '?') this.position += 1; // lazy: the same paths, tried in another order
    return { kind: 'repeat', body: atom, min: bounds[0], max: bounds[1] };
  }

  private atom(): PatternNode {
    const char = this.next();
    switch (char) {
      case '^':
      case '$':
        return { kind: 'assertion' };
      case '.':
        return { kind: 'chars', set: DOT };
      case '(':
        return this.group();
      case '[':
        return { kind: 'chars', set: this.characterClass() };
      case '\\':
        return this.escape();
      default:
        return { kind: 'chars', set: singleChar(char.charCodeAt(0)) };
    }
  }

  private group(): PatternNode {
    let lookaround: 'none' | 'lookahead' | 'lookbehind' = 'none';
    if (this.source.startsWith('?:', this.position)) this.position += 2;
    else if (this.source.startsWith('?=', this.position) || this.source.startsWith('?!', this.position)) {
      lookaround = 'lookahead';
      this.position += 2;
    } else if (this.source.startsWith('?<=', this.position) || this.source.startsWith('?<!', this.position)) {
      lookaround = 'lookbehind';
      this.position += 3;
    } else if (this.source.startsWith('?<', this.position)) this.position = this.source.indexOf('>', this.position) + 1;
    const alternatives = this.alternatives();
    if (this.next() !== ')') throw new SyntaxError('unterminated group');
    return { kind: 'group', lookaround, alternatives };
  }

  private escape(): PatternNode {
    const char = this.peek();
    if (char === 'b' || char === 'B') {
      this.position += 1;
      return { kind: 'assertion' };
    }
    if (/[1-9]/.test(char) || this.source.startsWith('k<', this.position)) {
      this.position += 1;
      return { kind: 'backreference' };
    }
    return { kind: 'chars', set: this.escapedChars() };
  }

  /** After a backslash: a class escape, or one character (written as itself or as a code). */
  private escapedChars(): CharSet {
    const char = this.next();
    if (Object.hasOwn(CLASS_ESCAPES, char)) return CLASS_ESCAPES[char];
    if (Object.hasOwn(CONTROL_ESCAPES, char)) return singleChar(CONTROL_ESCAPES[char]);
    const hexDigits = char === 'x' ? 2 : char === 'u' ? 4 : 0;
    const hex = this.source.slice(this.position, this.position + hexDigits);
    if (hexDigits > 0 && hex.length === hexDigits && HEX.test(hex)) {
      this.position += hexDigits;
      return singleChar(parseInt(hex, 16));
    }
    if (char === 'c' && /[a-zA-Z]/.test(this.peek())) return singleChar(this.next().charCodeAt(0) % 32);
    return singleChar(char.charCodeAt(0));
  }

  private characterClass(): CharSet {
    const negated = this.peek() === '^';
    if (negated) this.position += 1;
    const parts: CharSet[] = [];
    while (this.peek() !== ']') {
      if (this.atEnd()) throw new SyntaxError('unterminated character class');
      const start = this.classAtom();
      const low = onlyCode(start);
      if (this.peek() === '-' && this.source[this.position + 1] !== ']' && low !== undefined) {
        this.position += 1;
        const end = this.classAtom();
        const high = onlyCode(end);
        // With a class escape on either side the dash is a plain character (Annex B).
        if (high !== undefined) parts.push(charSetOf([[low, high]]));
        else parts.push(start, singleChar('-'.charCodeAt(0)), end);
      } else parts.push(start);
    }
    this.position += 1;
    const set = union(...parts);
    return negated ? complement(set) : set;
  }

  private classAtom(): CharSet {
    const char = this.next();
    if (char !== '\\') return singleChar(char.charCodeAt(0));
    if (this.peek() === 'b') {
      this.position += 1;
      return singleChar(8);
    }
    if (/[0-9]/.test(this.peek())) return singleChar(this.next().charCodeAt(0) - 48); // octal-ish escapes: any single code is enough here
    return this.escapedChars();
  }

  private peek(): string {
    return this.source[this.position] ?? '';
  }

  private next(): string {
    const char = this.peek();
    this.position += 1;
    return char;
  }
}

/** The one character a set holds, if it holds exactly one. */
function onlyCode(set: CharSet): number | undefined {
  return set.length === 1 && set[0][0] === set[0][1] ? set[0][0] : undefined;
}
