/**
 * Letters and digits of any script, without the `u` flag (which makes scans of non-ASCII text many
 * times slower): ASCII word characters and the Unicode blocks of letters, marks and ideographs,
 * leaving out punctuation, symbols, spaces and surrogates (emoji). Full-width forms are not listed
 * because toMatchableText has already folded them to ASCII.
 */
const WORD_CHARS = String.raw`\w\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2070-\u209f\u2100-\u218f\u2c00-\u2dff\u2e80-\u2fff\u3040-\ud7ff\uf900-\ufdff\ufe70-\ufefe`;
const WORD = `[${WORD_CHARS}]`;
const NOT_WORD = `[^${WORD_CHARS}]`;
/** Whitespace, the hyphen and the Unicode dashes (hyphen, non-breaking hyphen, en and em dashes, minus). */
const SEPARATOR_CHARS = String.raw`\s\-\u2010-\u2015\u2212`;
const SEPARATOR = `[${SEPARATOR_CHARS}]*`;
const SEPARATORS = new RegExp(`[${SEPARATOR_CHARS}]+`, 'g');
const MIN_LENGTH_FOR_PLURAL = 3;

/** One form for every spelling of a keyword: "trade off", "trade-off" and "tradeoff" are "tradeoff". */
const canonical = (keyword: string) => keyword.replace(SEPARATORS, '');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const toPattern = (keyword: string) => keyword.split(/[\s-]+/).map(escape).join(SEPARATOR);
/** Longest first, so a phrase wins over a keyword that is its first word; (?!) never matches, for none. */
const alternation = (keywords: string[]) => [...new Set(keywords)].sort((a, b) => b.length - a.length).map(toPattern).join('|') || '(?!)';

interface KeywordEntry<Group> {
  index: number;
  groups: Group[];
}

/**
 * Groups of keywords compiled to one regex, so a text is scanned once however many groups and
 * keywords there are. Matching rules (the text is expected in toMatchableText form):
 * - a keyword matches whole words only; letters and digits of any script count as word characters;
 * - spaces and hyphens inside a keyword match any run of whitespace or dashes, or none, so
 *   'trade-off' matches "trade-off", "trade off" and "tradeoff", and these count as one keyword;
 * - keywords of three letters or more also match with a plural "s"/"es" ("files", "taxes"),
 *   shorter ones do not (so 'hi' does not match "his").
 */
export class KeywordMatcher<Group extends string> {
  private readonly pattern: RegExp;
  private readonly entries = new Map<string, KeywordEntry<Group>>();
  private readonly groups: Group[];
  private readonly zeroCounts: Record<Group, number>;
  /** Which keywords the current count has found, by index; reused so that counting allocates no list. */
  private readonly found: Uint8Array;

  constructor(keywordsByGroup: Readonly<Record<Group, readonly string[]>>) {
    this.groups = Object.keys(keywordsByGroup) as Group[];
    this.zeroCounts = {} as Record<Group, number>;
    for (const group of this.groups) {
      this.zeroCounts[group] = 0;
      for (const keyword of keywordsByGroup[group]) {
        const key = canonical(keyword);
        const entry = this.entries.get(key) ?? { index: this.entries.size, groups: [] };
        entry.groups.push(group);
        this.entries.set(key, entry);
      }
    }
    this.found = new Uint8Array(this.entries.size);
    const keywords = this.groups.flatMap((group) => keywordsByGroup[group]);
    const pluralisable = alternation(keywords.filter((keyword) => keyword.length >= MIN_LENGTH_FOR_PLURAL));
    const short = alternation(keywords.filter((keyword) => keyword.length < MIN_LENGTH_FOR_PLURAL));
    // Consuming the character before a keyword, rather than looking behind, lets the regex engine
    // skip ahead to word starts: it makes the scan several times faster.
    this.pattern = new RegExp(`(?:^|${NOT_WORD})(?:(${pluralisable})(?:e?s)?|(${short}))(?!${WORD})`, 'g');
  }

  /** How many different keywords of each group occur in the text, each count stopping at limit; the scan ends once all have. */
  count(text: string, limit = Number.POSITIVE_INFINITY): Record<Group, number> {
    const counts = { ...this.zeroCounts };
    let saturated = 0;
    this.found.fill(0);
    this.pattern.lastIndex = 0;
    for (let match = this.pattern.exec(text); match !== null && saturated < this.groups.length; match = this.pattern.exec(text)) {
      const entry = this.entryOf(match[1] ?? match[2]);
      if (this.found[entry.index] === 1) continue;
      this.found[entry.index] = 1;
      for (const group of entry.groups) {
        if (counts[group] < limit && ++counts[group] === limit) saturated++;
      }
    }
    return counts;
  }

  /** Every match spells a keyword; only its separators can differ from the listed form. */
  private entryOf(spelling: string): KeywordEntry<Group> {
    return (this.entries.get(spelling) ?? this.entries.get(canonical(spelling))) as KeywordEntry<Group>;
  }
}
