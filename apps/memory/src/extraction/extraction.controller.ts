import { Controller, Inject, Logger } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events } from '@sigil/catalog';
import { JetStreamContext, OnEvent } from '@sigil/messaging';
import { type EmbeddingProvider, type ExtractedFact, extractionPrompt, readExtraction } from '@sigil/memory';
import { deliveryOf, UnitOfWork } from '@sigil/persistence';
import type { ResourceStored } from '@sigil/schemas';
import { DataSource } from 'typeorm';
import { EMBEDDING_PROVIDER } from '../embeddings/embeddings.module';
import type { ItemRecord } from '../items/item-store';
import { storeItems } from '../items/item-writes';
import { MemoryModel } from '../model/memory-model';
import { findResource, type ResourceRow } from '../resources/resource-store';
import { lockPendingResource, recordExtraction } from './extraction-store';

/** The delivery's lease is renewed this often while the model answers, so a slow answer is not redelivered meanwhile. */
const KEEP_ALIVE_MS = 10_000;

/** An extracted fact's item is stored once, however often the extraction is delivered. */
export const extractedItemKey = (resourceId: string, index: number) => `${resourceId}:${index}`;

/**
 * Extraction: a stored resource's facts become items (layer 2) that point back at it. The model is
 * asked outside any transaction; then one transaction stores the items, their vectors' event and
 * the categories to consolidate, and the resource's status. An answer that cannot be read, even
 * after the model was told why, marks the resource `failed` (the resource itself is kept); a model
 * that does not answer at all is an outage, thrown, and the event is redelivered with backoff.
 */
@Controller()
export class ExtractionController {
  private readonly logger = new Logger(ExtractionController.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly model: MemoryModel,
    @Inject(EMBEDDING_PROVIDER) private readonly embeddings: EmbeddingProvider,
  ) {}

  @OnEvent(Events.ResourceStored, { ackWaitMs: 60_000, maxInFlight: 4, maxDeliver: 10, backoffMs: [1_000, 5_000, 15_000, 30_000, 60_000] })
  async onResourceStored(@Payload() stored: ResourceStored, @Ctx() context: JetStreamContext): Promise<void> {
    const { tenantId } = context.envelope;
    const resource = await findResource(this.dataSource, tenantId, stored.resourceId);
    if (resource?.extraction_status !== 'pending') return;
    const heartbeat = setInterval(() => context.working(), KEEP_ALIVE_MS);
    try {
      const reading = await this.model.read(
        extractionPrompt({ resourceType: resource.resource_type, content: resource.content, metadata: resource.metadata }),
        readExtraction,
      );
      const items = reading.ok ? await this.itemsOf(resource, reading.facts) : [];
      await this.unitOfWork.handle(deliveryOf(context), async (tx) => {
        if (!(await lockPendingResource(tx, tenantId, resource.id))) return;
        if (!reading.ok) {
          this.logger.warn(`resource ${resource.id} of tenant ${tenantId}: extraction failed: ${reading.problem}`);
          return recordExtraction(tx, tenantId, resource.id, { status: 'failed', error: reading.problem });
        }
        await storeItems(tx, items, this.embeddings.model);
        await recordExtraction(tx, tenantId, resource.id, { status: 'extracted' });
      });
    } finally {
      clearInterval(heartbeat);
    }
  }

  /** The facts as items of the resource's session, subject and run, embedded. */
  private async itemsOf(resource: ResourceRow, facts: ExtractedFact[]): Promise<ItemRecord[]> {
    if (facts.length === 0) return [];
    const embeddings = await this.embeddings.embed(facts.map((fact) => fact.content));
    return facts.map((fact, index) => ({
      ...fact,
      sessionId: resource.session_id,
      subjectId: resource.subject_id,
      runId: resource.run_id,
      sourceResourceId: resource.id,
      idempotencyKey: extractedItemKey(resource.id, index),
      embedding: embeddings[index],
    }));
  }
}
