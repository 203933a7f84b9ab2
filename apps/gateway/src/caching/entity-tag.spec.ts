import { entityTag, matchesIfNoneMatch } from './entity-tag';

describe('entity tags', () => {
  it('given equal bodies, when tagged, then the tags are equal and quoted; a changed body changes the tag', () => {
    const tag = entityTag(JSON.stringify({ name: 'helper', version: '1.0.0' }));
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    expect(entityTag(JSON.stringify({ name: 'helper', version: '1.0.0' }))).toBe(tag);
    expect(entityTag(JSON.stringify({ name: 'helper', version: '1.1.0' }))).not.toBe(tag);
  });

  it('given If-None-Match with a list, a weak tag or a star, when compared, then each matches', () => {
    const tag = entityTag('{"a":1}');
    expect(matchesIfNoneMatch(`"other", ${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch(`W/${tag}`, tag)).toBe(true);
    expect(matchesIfNoneMatch('*', tag)).toBe(true);
  });

  it('given no header or another tag, when compared, then nothing matches', () => {
    const tag = entityTag('{"a":1}');
    expect(matchesIfNoneMatch(undefined, tag)).toBe(false);
    expect(matchesIfNoneMatch('"something-else"', tag)).toBe(false);
  });
});
