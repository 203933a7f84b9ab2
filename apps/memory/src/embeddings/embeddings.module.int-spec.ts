import { Queries } from '@sigil/catalog';
import type { EmbeddingProvider } from '@sigil/memory';
import { FakeEmbeddingsServer } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import { type MemoryUnderTest, startMemory } from '../testing/memory-under-test';
import { EMBEDDING_PROVIDER } from './embeddings.module';

const tenantId = `embeddings-remote-${randomUUID().slice(0, 8)}`;

/** The memory service configured for a remote OpenAI-compatible provider: its items and queries are embedded over HTTP. */
describe('the memory service with SIGIL_EMBEDDINGS_PROVIDER=openai', () => {
  let server: FakeEmbeddingsServer;
  let memory: MemoryUnderTest;

  beforeAll(async () => {
    server = await FakeEmbeddingsServer.start({ apiKey: 'sk-memory-test' });
    memory = await startMemory('memory-remote-embeddings-test', {
      SIGIL_EMBEDDINGS_PROVIDER: 'openai',
      SIGIL_EMBEDDINGS_URL: server.baseUrl,
      SIGIL_EMBEDDINGS_API_KEY: 'sk-memory-test',
      SIGIL_EMBEDDINGS_MODEL: 'fake-embed-384',
    });
  });

  afterAll(async () => {
    await memory.close([tenantId]);
    await server.close();
  });

  it('given the settings, when the service boots, then its provider is the remote one with the configured model and dimensions', () => {
    const provider = memory.app.get<EmbeddingProvider>(EMBEDDING_PROVIDER);

    expect({ name: provider.name, model: provider.model, dimensions: provider.dimensions }).toEqual({ name: 'openai', model: 'fake-embed-384', dimensions: 384 });
  });

  it('given an item stored and searched, when the service embeds them, then both go to the server and the item is found', async () => {
    const content = 'The warehouse in Lyon ships on Thursdays';

    const stored = await memory.queries.request(Queries.StoreMemory, { content, category: 'logistics' }, { tenantId });
    const found = await memory.queries.request(Queries.SearchMemory, { query: content, mode: 'rag', k: 3 }, { tenantId });

    expect(stored.error).toBeUndefined();
    expect(server.requests.map((request) => request.body)).toEqual([
      { model: 'fake-embed-384', input: [content], dimensions: 384 },
      { model: 'fake-embed-384', input: [content], dimensions: 384 },
    ]);
    expect(server.requests.every((request) => request.headers.authorization === 'Bearer sk-memory-test')).toBe(true);
    expect(found.items.map((hit) => hit.itemId)).toEqual([stored.itemId]);
  });
});
