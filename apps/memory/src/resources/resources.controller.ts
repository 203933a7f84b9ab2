import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Events, Queries } from '@sigil/catalog';
import { JetStreamContext, OnEvent, OnQuery, QueryContext } from '@sigil/messaging';
import { deliveryOf, type TenantTransaction, UnitOfWork } from '@sigil/persistence';
import type { GetResourceRequest, RunCompleted, StoreResourceRequest } from '@sigil/schemas';
import { DataSource } from 'typeorm';
import { invalidInput, notFound } from '../items/memory-errors';
import { inQueryTransaction } from '../items/query-transaction';
import { newResourceOf, type NewResource } from './resource-request';
import { getResource, storeResource, type StoredResource } from './resource-store';
import { conversationOfRun } from './run-conversation';

/** Layer 1: raw resources, stored whole, each announced once for extraction; always within the caller's tenant. */
@Controller()
export class ResourcesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  @OnQuery(Queries.StoreResource)
  async store(@Payload() request: StoreResourceRequest, @Ctx() context: QueryContext) {
    const resource = newResourceOf(request, context.envelope);
    if (!resource.ok) return invalidInput(resource.problems);
    return inQueryTransaction(this.unitOfWork, Queries.StoreResource, context, (tx) => storeAnnounced(tx, resource.value));
  }

  @OnQuery(Queries.GetResource)
  async get(@Payload() request: GetResourceRequest, @Ctx() context: QueryContext) {
    const resource = await getResource(this.dataSource, context.envelope.tenantId, request.resourceId);
    return resource ? { resource } : notFound(`no memory resource ${request.resourceId}`);
  }

  /** A completed run is remembered as the conversation it was, once per run. */
  @OnEvent(Events.RunCompleted)
  async onRunCompleted(@Payload() run: RunCompleted, @Ctx() context: JetStreamContext): Promise<void> {
    const conversation = conversationOfRun(run);
    if (!conversation) return;
    await this.unitOfWork.handle(deliveryOf(context), (tx) => storeAnnounced(tx, conversation));
  }
}

/** Stores the resource and, when it is new, announces it for extraction in the same transaction. */
async function storeAnnounced(tx: TenantTransaction, resource: NewResource): Promise<StoredResource> {
  const stored = await storeResource(tx, tx.tenantId, resource);
  if (stored.created) {
    tx.emit(
      Events.ResourceStored,
      { resourceId: stored.resourceId, resourceType: resource.resourceType, sessionId: resource.sessionId ?? '', runId: resource.runId ?? '' },
      { id: `resource-stored:${tx.tenantId}:${stored.resourceId}` },
    );
  }
  return stored;
}
