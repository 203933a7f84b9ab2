import { DEFAULT_EMBEDDING_DIMENSIONS } from './embedding-port';
import { LocalEmbeddingProvider, localEmbedding } from './local-embedding';
import { cosineSimilarity, l2Norm } from './vector-math';

const similarity = (a: string, b: string) => cosineSimilarity(localEmbedding(a), localEmbedding(b));

describe('local embedding', () => {
  it('given a text, when embedded twice, then the vectors are identical, 384 floats of length 1', () => {
    const first = localEmbedding('The customer prefers email for contact');
    expect(first).toHaveLength(DEFAULT_EMBEDDING_DIMENSIONS);
    expect(l2Norm(first)).toBeCloseTo(1, 5);
    expect(localEmbedding('The customer prefers email for contact')).toEqual(first);
  });

  it('given related texts and unrelated ones, when compared, then the related texts are closer', () => {
    const related = similarity('The customer prefers email for contact', 'Contact the customer by email, which she prefers');
    const unrelated = similarity('The customer prefers email for contact', 'The quarterly revenue grew by ten percent');
    expect(related).toBeGreaterThan(0.5);
    expect(unrelated).toBeLessThan(0.2);
    expect(related).toBeGreaterThan(unrelated + 0.3);
  });

  it('given word forms of the same words, when compared, then they are closer than to other words', () => {
    expect(similarity('preferred contacts', 'prefers contact')).toBeGreaterThan(similarity('preferred contacts', 'annual budget'));
  });

  it('given texts differing only in case and spacing, when embedded, then the vectors are the same', () => {
    expect(localEmbedding('  Ana   WORKS at Acme ')).toEqual(localEmbedding('ana works at acme'));
  });

  it('given a text of stop words only, when embedded, then it still has a direction', () => {
    expect(l2Norm(localEmbedding('who are you'))).toBeCloseTo(1, 5);
  });

  it('given punctuation only, when embedded, then it has a direction; given nothing, then the zero vector', () => {
    expect(l2Norm(localEmbedding('?!'))).toBeCloseTo(1, 5);
    expect(l2Norm(localEmbedding(''))).toBe(0);
  });

  it('given another dimension, when embedded, then the vector has that many floats; given a non-positive one, then it is refused', () => {
    expect(localEmbedding('hello world', 16)).toHaveLength(16);
    expect(() => localEmbedding('hello', 0)).toThrow('dimensions must be a positive integer, not 0');
    expect(() => new LocalEmbeddingProvider(1.5)).toThrow('dimensions must be a positive integer, not 1.5');
  });
});

describe('the local embedding provider', () => {
  it('given texts, when embedded, then each gets its local embedding, in order, under the local model name', async () => {
    const provider = new LocalEmbeddingProvider();
    expect(provider).toMatchObject({ name: 'local', model: 'sigil-local-hash-384', dimensions: 384 });
    expect(await provider.embed(['first text', 'second text'])).toEqual([localEmbedding('first text'), localEmbedding('second text')]);
  });

  it('given an aborted signal, when embedding, then the call rejects with the reason', async () => {
    const controller = new AbortController();
    controller.abort(new Error('run cancelled'));
    await expect(new LocalEmbeddingProvider().embed(['text'], { signal: controller.signal })).rejects.toThrow('run cancelled');
  });
});
