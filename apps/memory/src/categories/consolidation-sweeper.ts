import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Events } from '@sigil/catalog';
import { consolidationPrompt, readSummary } from '@sigil/memory';
import { type Delivery, UnitOfWork } from '@sigil/persistence';
import { DataSource } from 'typeorm';
import { MemoryModel } from '../model/memory-model';
import { type ClaimedCategory, claimDueCategory, finishConsolidation, itemsToConsolidate } from './consolidation-claims';
import { CONSOLIDATION_DELAY_MS } from './consolidation-settings';

export const SWEEP_INTERVAL_MS = 1_000;
/** Categories consolidated per sweep, one after the other; the next second takes the rest. */
export const CONSOLIDATIONS_PER_SWEEP = 20;
/**
 * How long a claimed category is this replica's. The model call is cut off before the lease ends,
 * so a replica never stores a summary after another may have claimed the category; a replica that
 * dies leaves the category to be claimed again when its lease expires.
 */
export const CONSOLIDATION_LEASE_MS = 120_000;
const MODEL_MARGIN_MS = 5_000;
const CONSOLIDATOR = 'memory-consolidation';

/**
 * The finishing transaction's delivery: its inbox row is keyed by the claim, so one claim stores and
 * announces its summary once, and the event carries the category's tenant.
 */
function consolidationDelivery(claimed: ClaimedCategory): Delivery {
  return {
    consumerName: CONSOLIDATOR,
    envelope: {
      id: `${CONSOLIDATOR}:${claimed.name}:${claimed.leaseUntil}`,
      type: 'sigil.memory.consolidation',
      source: 'memory',
      time: new Date().toISOString(),
      dataSchema: '',
      tenantId: claimed.tenantId,
    },
  };
}

/**
 * Every second, on every replica: categories dirty for at least SIGIL_MEMORY_CONSOLIDATION_DELAY_MS
 * are claimed under a lease (`FOR UPDATE SKIP LOCKED`: replicas share the work, none takes a
 * category another holds), their summary is rebuilt by the model from their items outside any
 * transaction, and one transaction stores it and emits `CategoryConsolidated` through the outbox.
 * The delay batches a burst of items into one consolidation. A category left without items gets an
 * empty summary and a count of 0, without asking the model.
 */
@Injectable()
export class ConsolidationSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ConsolidationSweeper.name);
  private timer?: NodeJS.Timeout;
  private stopping = false;
  private sweeping?: Promise<number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly model: MemoryModel,
    @Inject(CONSOLIDATION_DELAY_MS) private readonly delayMs: number,
  ) {}

  /** Bootstrap hooks run again when the microservice starts on the same container: one timer only. */
  onApplicationBootstrap(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweepNow(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  /** Before the platform closes its connections. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping;
  }

  /** One sweep; a sweep still running is waited for rather than overlapped. Resolves to the categories consolidated. */
  sweepNow(): Promise<number> {
    this.sweeping ??= this.sweep()
      .catch((error: unknown) => {
        this.logger.warn(`consolidation sweep will retry: ${messageOf(error)}`);
        return 0;
      })
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async sweep(): Promise<number> {
    let consolidated = 0;
    for (let round = 0; round < CONSOLIDATIONS_PER_SWEEP && !this.stopping; round++) {
      const claimed = await claimDueCategory(this.dataSource, this.delayMs, CONSOLIDATION_LEASE_MS);
      if (!claimed) break;
      if (await this.consolidate(claimed)) consolidated++;
    }
    return consolidated;
  }

  /** False when the summary could not be built (the lease then lapses and a later sweep tries again) or the lease was lost. */
  private async consolidate(claimed: ClaimedCategory): Promise<boolean> {
    const { items, itemCount } = await itemsToConsolidate(this.dataSource, claimed);
    const summary = itemCount === 0 ? '' : await this.summaryOf(claimed, items);
    if (summary === undefined) return false;
    const result = await this.unitOfWork.handle(consolidationDelivery(claimed), async (tx) => {
      const stored = await finishConsolidation(tx, claimed, summary, itemCount);
      if (stored) tx.emit(Events.CategoryConsolidated, { name: claimed.name, itemCount });
      return stored;
    });
    return result.status === 'processed' && result.value;
  }

  private async summaryOf(claimed: ClaimedCategory, items: Parameters<typeof consolidationPrompt>[1]): Promise<string | undefined> {
    try {
      const reading = await this.model.read(consolidationPrompt(claimed.name, items), readSummary, { signal: AbortSignal.timeout(CONSOLIDATION_LEASE_MS - MODEL_MARGIN_MS) });
      if (reading.ok) return reading.summary;
      this.logger.warn(`the model's summary of category ${claimed.name} (tenant ${claimed.tenantId}) is unreadable, retried when its lease lapses: ${reading.problem}`);
    } catch (error) {
      this.logger.warn(`category ${claimed.name} (tenant ${claimed.tenantId}) not consolidated, retried when its lease lapses: ${messageOf(error)}`);
    }
    return undefined;
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
