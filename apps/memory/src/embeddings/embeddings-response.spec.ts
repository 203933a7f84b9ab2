import { EmbeddingError } from './embedding-error';
import { readEmbeddingsResponse } from './embeddings-response';

const datum = (index: number, embedding: number[]) => ({ object: 'embedding', index, embedding });

function failureOf(body: unknown, inputs: number, dimensions: number): EmbeddingError {
  try {
    readEmbeddingsResponse(body, inputs, dimensions);
  } catch (error) {
    return error as EmbeddingError;
  }
  throw new Error('the answer was accepted');
}

describe('reading an embeddings answer', () => {
  it('given data listed out of order, when read, then the vectors come back in the inputs order', () => {
    const vectors = readEmbeddingsResponse({ data: [datum(1, [0, 1]), datum(0, [1, 0])] }, 2, 2);

    expect(vectors).toEqual([Float32Array.from([1, 0]), Float32Array.from([0, 1])]);
  });

  it('given a vector of another length than configured, when read, then it is a wrong_dimensions error naming both lengths', () => {
    const error = failureOf({ data: [datum(0, [1, 0, 0])] }, 1, 2);

    expect(error).toBeInstanceOf(EmbeddingError);
    expect(error).toMatchObject({ failure: 'wrong_dimensions', retryable: false });
    expect(error.message).toContain('answered 3 dimensions where 2 are configured');
  });

  it.each([
    ['no data', {}, 1],
    ['data that is not a list', { data: 'x' }, 1],
    ['an entry without an embedding', { data: [{ index: 0 }] }, 1],
    ['fewer vectors than inputs', { data: [datum(0, [1, 0])] }, 2],
    ['a repeated index', { data: [datum(0, [1, 0]), datum(0, [0, 1])] }, 2],
    ['an index out of range', { data: [datum(0, [1, 0]), datum(2, [0, 1])] }, 2],
    ['a value that is not a number', { data: [datum(0, [1, Number.NaN])] }, 1],
    ['null', null, 1],
  ])('given %s, when read, then the answer is refused as malformed and not retried', (_case, body, inputs) => {
    expect(failureOf(body, inputs, 2)).toMatchObject({ failure: 'malformed', retryable: false });
  });
});
