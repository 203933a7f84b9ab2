import { EmbeddingError } from './embedding-error';

interface EmbeddingDatum {
  index: number;
  embedding: number[];
}

function isDatum(value: unknown): value is EmbeddingDatum {
  const datum = value as Partial<EmbeddingDatum> | null;
  return typeof datum === 'object' && datum !== null && Number.isInteger(datum.index) && Array.isArray(datum.embedding);
}

/**
 * The vectors of an OpenAI-style `/embeddings` answer (`{"data":[{"index","embedding"}]}`), put back
 * in the inputs' order by `index` (the API does not promise the order of `data`). Exactly one
 * finite vector of `dimensions` floats per input, or the answer is refused.
 */
export function readEmbeddingsResponse(body: unknown, inputs: number, dimensions: number): Float32Array[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data) || !data.every(isDatum)) throw new EmbeddingError('malformed', 'the embeddings answer has no data[] of {index, embedding}');
  if (data.length !== inputs) throw new EmbeddingError('malformed', `the embeddings answer has ${data.length} vectors for ${inputs} inputs`);
  const vectors = new Array<Float32Array | undefined>(inputs);
  for (const { index, embedding } of data) {
    if (index < 0 || index >= inputs || vectors[index]) throw new EmbeddingError('malformed', `the embeddings answer has a missing or repeated index ${index}`);
    if (embedding.length !== dimensions) {
      throw new EmbeddingError('wrong_dimensions', `the embedding model answered ${embedding.length} dimensions where ${dimensions} are configured (SIGIL_MEMORY_EMBEDDING_DIMENSIONS)`);
    }
    if (!embedding.every((value) => typeof value === 'number' && Number.isFinite(value))) {
      throw new EmbeddingError('malformed', `the embedding at index ${index} holds a value that is not a finite number`);
    }
    vectors[index] = Float32Array.from(embedding);
  }
  return vectors as Float32Array[];
}
