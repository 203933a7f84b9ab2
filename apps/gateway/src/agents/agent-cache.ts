import { fromBinary } from '@bufbuild/protobuf';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection, Subscription } from '@nats-io/nats-core';
import { Events } from '@sigil/catalog';
import { Header } from '@sigil/messaging';
import type { Agent } from '@sigil/schemas';
import { NATS_CONNECTION } from '@sigil/service-kit';
import { ExpiringCache } from '../common/expiring-cache';

const TTL_MS = Number(process.env.SIGIL_AGENT_CACHE_TTL_MS ?? 30_000);
const MAX_AGENTS = 10_000;

const keyOf = (tenantId: string, name: string) => `${tenantId}\u0000${name}`;

/**
 * Each replica's copy of the agents it read, per tenant. Evolution announces every change
 * (`sigil.agents.v1.changed`, heard on plain NATS by every replica) and the copy is evicted; an
 * announcement missed during a disconnection is covered by clearing everything on reconnect, and
 * a lost one by the lifetime (SIGIL_AGENT_CACHE_TTL_MS, 0 turns the cache off).
 */
@Injectable()
export class AgentCache implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(AgentCache.name);
  private readonly agents = new ExpiringCache<Agent>(TTL_MS, MAX_AGENTS);
  private subscription?: Subscription;

  constructor(@Inject(NATS_CONNECTION) private readonly nats: NatsConnection) {}

  async onModuleInit(): Promise<void> {
    if (!this.agents.enabled) return;
    this.subscription = this.nats.subscribe(Events.AgentChanged.subject, {
      callback: (error, msg) => {
        if (error) return;
        const tenantId = msg.headers?.get(Header.tenantId);
        try {
          const change = fromBinary(Events.AgentChanged.schema, msg.data);
          if (tenantId) this.agents.evict(keyOf(tenantId, change.name));
          else this.agents.clear();
        } catch {
          // An announcement we cannot read may concern any agent.
          this.agents.clear();
        }
      },
    });
    void this.clearOnReconnect();
    await this.nats.flush();
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** The agent, from the copy or from `load`; only a found agent is kept. */
  async getOrLoad(tenantId: string, name: string, load: () => Promise<Agent>): Promise<Agent> {
    const key = keyOf(tenantId, name);
    const cached = this.agents.get(key);
    if (cached) return cached;
    const generation = this.agents.generation();
    const agent = await load();
    this.agents.fill(key, agent, generation);
    return agent;
  }

  /** This replica's own write: its answer is the newest state. */
  remember(tenantId: string, agent: Agent): void {
    const key = keyOf(tenantId, agent.name);
    this.agents.evict(key);
    this.agents.fill(key, agent, this.agents.generation());
  }

  forget(tenantId: string, name: string): void {
    this.agents.evict(keyOf(tenantId, name));
  }

  private async clearOnReconnect(): Promise<void> {
    for await (const status of this.nats.status()) {
      if (status.type === 'reconnect') {
        this.logger.log('reconnected to NATS: dropping cached agents, changes may have been missed');
        this.agents.clear();
      }
    }
  }
}
