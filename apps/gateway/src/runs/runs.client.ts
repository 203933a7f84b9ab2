import { Injectable } from '@nestjs/common';
import { Queries } from '@sigil/catalog';
import { QueryClient, type Correlation } from '@sigil/messaging';
import type { RunView } from '@sigil/schemas';
import { orUnavailable } from '../common/or-unavailable';
import { Problems } from '../common/problem';
import { AcceptedRuns } from './accepted-runs';

/** Runs as the planner records them, always for the caller's tenant. */
@Injectable()
export class RunsClient {
  constructor(
    private readonly queries: QueryClient,
    private readonly accepted: AcceptedRuns,
  ) {}

  /** The run, `accepted` while only the gateway knows it yet, or undefined when the tenant has no such run. */
  async find(runId: string, correlation: Correlation): Promise<RunView | undefined> {
    const reply = await orUnavailable('planner service', () => this.queries.request(Queries.GetRun, { runId }, correlation));
    return reply.run ?? (await this.accepted.pendingView(correlation.tenantId, runId));
  }

  async listSession(sessionId: string, page: { page: number; per_page: number }, correlation: Correlation): Promise<{ runs: RunView[]; total: number }> {
    const reply = await orUnavailable('planner service', () =>
      this.queries.request(Queries.ListSessionRuns, { sessionId, page: page.page, perPage: page.per_page }, correlation),
    );
    if (reply.error?.status === 400) throw Problems.validation([{ field: 'page', message: reply.error.message }]);
    if (reply.error) throw new Error(`planner refused the session's runs: ${reply.error.code} ${reply.error.message}`);
    return { runs: reply.runs, total: Number(reply.total) };
  }
}
