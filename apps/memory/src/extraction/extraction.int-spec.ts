import { Queries } from '@sigil/catalog';
import { memoryLocalAnswer } from '@sigil/memory';
import { eventually, FakeAnthropicServer, type RecordedRequest } from '@sigil/testing';
import { randomUUID } from 'node:crypto';
import { correctionOf } from '../model/memory-model';
import { type MemoryUnderTest, startMemory } from '../testing/memory-under-test';

const RUN = randomUUID().slice(0, 8);
const TENANT = `extraction-${RUN}`;
/** Resources whose content carries a marker get the model behaviour it names; any other prompt gets the local model's answer. */
const UNREADABLE = `unreadable-${RUN}`;
const CORRECTED = `corrected-${RUN}`;
const OUTAGE = `outage-${RUN}`;
const OUTAGE_FAILURES = 2;
const NO_FACTS_PROBLEM = 'the answer holds no JSON object with a "facts" list';

interface MessagesBody {
  system: string;
  messages: { role: string; content: string }[];
}

const bodyOf = (request: RecordedRequest) => request.body as MessagesBody;
const promptOf = (request: RecordedRequest) => bodyOf(request).messages[0]?.content ?? '';

describe('extraction with a model that answers badly or not at all', () => {
  let model: FakeAnthropicServer;
  let memory: MemoryUnderTest;

  const store = (content: string) => memory.queries.request(Queries.StoreResource, { resourceType: 'document', content }, { tenantId: TENANT });
  const statusOf = async (resourceId: string) => {
    const [row] = await memory.dataSource.query<{ extraction_status: string; extraction_error: string | null }[]>(
      `SELECT extraction_status, extraction_error FROM memory.resources WHERE tenant_id = $1 AND id = $2`,
      [TENANT, resourceId],
    );
    return row;
  };
  const settled = (resourceId: string) =>
    eventually(async () => {
      const status = await statusOf(resourceId);
      expect(status.extraction_status).not.toBe('pending');
      return status;
    }, 30_000);
  const itemsOf = (resourceId: string) =>
    memory.dataSource.query<{ content: string; category: string; confidence: number }[]>(
      `SELECT content, category, confidence FROM memory.memory_items WHERE tenant_id = $1 AND source_resource_id = $2 ORDER BY vector_label`,
      [TENANT, resourceId],
    );
  const askedAbout = (marker: string) => model.requests.filter((request) => promptOf(request).includes(marker));

  beforeAll(async () => {
    model = await FakeAnthropicServer.start((request) => {
      const { system, messages } = bodyOf(request);
      const prompt = promptOf(request);
      if (prompt.includes(UNREADABLE)) return { text: 'I found nothing worth keeping, sorry.' };
      if (prompt.includes(CORRECTED)) {
        return messages.length === 1
          ? { text: 'Facts: the corrected fact holds.' }
          : { text: '{"facts": [{"content": "The corrected fact holds.", "category": "General Notes", "confidence": 0.6}]}' };
      }
      if (prompt.includes(OUTAGE) && askedAbout(OUTAGE).length <= OUTAGE_FAILURES) return { status: 503, message: 'upstream unavailable' };
      return { text: memoryLocalAnswer(system, prompt) };
    });
    // No retries inside the provider: an outage reaches the handler at once, and the bus redelivers.
    memory = await startMemory('memory-extraction-test', { ANTHROPIC_API_KEY: 'sk-test-extraction', ANTHROPIC_BASE_URL: model.baseUrl, SIGIL_LLM_MAX_RETRIES: '0' });
  }, 60_000);

  afterAll(async () => {
    await memory?.close([TENANT]);
    await model?.close();
  });

  it('marks the resource failed, keeping it whole, when the answer cannot be read even after the model was told why', async () => {
    const content = `The depot in Bergen closes at six. ${UNREADABLE}`;
    const { resourceId } = await store(content);
    expect(await settled(resourceId)).toEqual({ extraction_status: 'failed', extraction_error: NO_FACTS_PROBLEM });

    const asked = askedAbout(UNREADABLE);
    expect(asked).toHaveLength(2);
    expect(bodyOf(asked[1]).messages).toEqual([
      { role: 'user', content: promptOf(asked[0]) },
      { role: 'assistant', content: 'I found nothing worth keeping, sorry.' },
      { role: 'user', content: correctionOf(NO_FACTS_PROBLEM) },
    ]);
    const { resource } = await memory.queries.request(Queries.GetResource, { resourceId }, { tenantId: TENANT });
    expect(resource).toMatchObject({ content, extractionStatus: 'failed', itemIds: [] });
    expect(await itemsOf(resourceId)).toEqual([]);
  });

  it('stores the facts of the corrected answer when the model fixes it after being told why', async () => {
    const { resourceId } = await store(`Something true. ${CORRECTED}`);
    expect(await settled(resourceId)).toEqual({ extraction_status: 'extracted', extraction_error: null });
    expect(askedAbout(CORRECTED)).toHaveLength(2);
    expect(await itemsOf(resourceId)).toEqual([{ content: 'The corrected fact holds.', category: 'general_notes', confidence: 0.6 }]);
  });

  it('waits out a model outage by redelivery, the resource pending meanwhile, then extracts it once', async () => {
    const content = `The customer prefers deliveries on Mondays.\n(${OUTAGE})`;
    const { resourceId } = await store(content);
    await eventually(() => expect(askedAbout(OUTAGE)).toHaveLength(1));
    expect((await statusOf(resourceId)).extraction_status).toBe('pending');

    expect(await settled(resourceId)).toEqual({ extraction_status: 'extracted', extraction_error: null });
    expect(askedAbout(OUTAGE)).toHaveLength(OUTAGE_FAILURES + 1);
    const items = await itemsOf(resourceId);
    expect(items.map((item) => item.content)).toContain('The customer prefers deliveries on Mondays.');
    const [firstAsked] = askedAbout(OUTAGE);
    const answered = JSON.parse(memoryLocalAnswer(bodyOf(firstAsked).system, promptOf(firstAsked))) as { facts: { content: string }[] };
    expect(items.map((item) => item.content)).toEqual(answered.facts.map((fact) => fact.content));
  });
});
