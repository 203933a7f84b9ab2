import { Injectable, Logger } from '@nestjs/common';
import { Events } from '@sigil/catalog';
import { causedBy, EventPublisher, QueryContext } from '@sigil/messaging';

export type AgentChange = 'created' | 'updated' | 'deleted';

/**
 * Announces each committed change to an agent as `sigil.agents.v1.changed`, so every gateway
 * replica evicts its cached copy at once. A failed announcement is logged, not thrown: the change
 * is committed, and a cached copy expires on its own within the gateway's cache lifetime.
 */
@Injectable()
export class AgentChanges {
  private readonly logger = new Logger(AgentChanges.name);

  constructor(private readonly publisher: EventPublisher) {}

  async announce(change: AgentChange, agent: { name: string; version?: number }, context: QueryContext): Promise<void> {
    const { envelope } = context;
    try {
      await this.publisher.publish(
        Events.AgentChanged,
        { name: agent.name, change, version: agent.version ?? 0 },
        causedBy(envelope, `agent-${change}`),
      );
    } catch (error) {
      this.logger.warn(`agent ${agent.name} was ${change} but the announcement failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
