import { Body, Controller, Get, HttpCode, Param, Req, Res } from '@nestjs/common';
import { Events } from '@sigil/catalog';
import { EventPublisher } from '@sigil/messaging';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { principalOf } from '../auth/principal';
import { RequireScopes } from '../auth/route-access';
import { orUnavailable } from '../common/or-unavailable';
import { Problems } from '../common/problem';
import { correlationFor } from '../common/request-correlation';
import { CancelRunDto } from './cancel-run.dto';
import { RunAgentDto } from './run-agent.dto';
import { DocumentedRunCancel, DocumentedRunStops } from './run-api-docs';
import { runConfigOf } from './run-config.dto';
import { RunLauncher } from './run-launcher';
import { accepted, finishedRunMissing } from './run-replies';
import { completedRunFacts, runResponse } from './run-response';
import { ReviewRunDto } from './review-run.dto';
import { isFinished } from './run-states';
import { stoppedRunProblem } from './stopped-run-problem';
import { RunsClient } from './runs.client';
import { IdempotentPost } from '../idempotency/idempotent-post';
import { StartsRuns } from '../rate-limits/starts-runs';

@Controller('v7')
export class RunsController {
  constructor(
    private readonly launcher: RunLauncher,
    private readonly runs: RunsClient,
    private readonly publisher: EventPublisher,
  ) {}

  /**
   * Starts a run and waits for it (timeout_ms, else SIGIL_RUN_WAIT_MS); `async`, a longer run or one escalated for review answers 202.
   * A run stopped by a cancellation, its deadline or its token budget answers as a problem with its partial results.
   */
  @IdempotentPost('agents/:name/run')
  @HttpCode(200)
  @RequireScopes('agents:execute')
  @StartsRuns()
  @DocumentedRunStops({ conflicts: ['AGT_003: the agent is inactive'], unprocessable: [] })
  async run(@Param('name') name: string, @Body() dto: RunAgentDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const order = { agentName: name, input: dto.input, sessionId: dto.session_id, async: dto.async, timeoutMs: dto.timeout_ms, config: runConfigOf(dto.config) };
    const launched = await this.launcher.launch(order, request, reply);
    const { outcome, runId } = launched;
    if (!outcome || outcome.status === 'timeout') return accepted(reply, launched);
    const stopped = stoppedRunProblem(outcome);
    if (stopped) throw stopped;
    const body =
      outcome.status === 'completed'
        ? runResponse(completedRunFacts(outcome.event, launched.agent.name, launched.requestId, launched.limits))
        : runResponse((await this.runs.find(runId, correlationFor(request, { runId }))) ?? finishedRunMissing(runId));
    if (outcome.status === 'escalated') void reply.status(202).header('location', `/v7/operations/${runId}`);
    const used = body.metadata.tokens_used.total_tokens;
    const { handedOverAt, settledAt } = launched.timing;
    void reply.headers({
      'x-tokens-used': String(used),
      'x-tokens-remaining': String(Math.max(launched.remainingTokens - used, 0)),
      // The gateway's own time (checks and hand-over to the bus, then the response) apart from the wait for the platform.
      'server-timing': `gateway;dur=${(handedOverAt + reply.elapsedTime - settledAt).toFixed(2)}, run;dur=${(settledAt - handedOverAt).toFixed(2)}`,
    });
    return body;
  }

  @Get('runs/:id')
  @RequireScopes('agents:read')
  async get(@Param('id') runId: string, @Req() request: FastifyRequest) {
    const run = await this.runs.find(runId, correlationFor(request, { runId }));
    if (!run) throw Problems.runNotFound(runId);
    return runResponse(run);
  }

  /** Asks the planner to stop the run: it dispatches no more steps, stops those in flight and ends the run as cancelled (RUN_004). */
  @IdempotentPost('runs/:id/cancel')
  @HttpCode(202)
  @RequireScopes('agents:execute')
  @DocumentedRunCancel()
  async cancel(@Param('id') runId: string, @Body() dto: CancelRunDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const correlation = correlationFor(request, { runId });
    const run = await this.runs.find(runId, correlation);
    if (!run) throw Problems.runNotFound(runId);
    if (isFinished(run.status)) throw Problems.runAlreadyFinished(runId, run.status);
    const cancellation = { runId, sessionId: run.sessionId, reason: dto.reason ?? '', requestedBy: principalOf(request).subject };
    // A run is cancelled once: a repeat is the same message id, which the stream drops as a duplicate.
    await orUnavailable('message bus', () =>
      this.publisher.publish(Events.RunCancelRequested, cancellation, { ...correlationFor(request, { sessionId: run.sessionId, runId }), id: `${runId}:cancel` }),
    );
    void reply.header('location', `/v7/operations/${runId}`);
    return { run_id: runId, status: 'cancelling', links: { operation: `/v7/operations/${runId}`, run: `/v7/runs/${runId}` } };
  }

  /** A person's decision on a run its contract escalated: approve (optionally with a corrected output) or reject. */
  @IdempotentPost('runs/:id/review')
  @HttpCode(202)
  @RequireScopes('agents:execute')
  async review(@Param('id') runId: string, @Body() dto: ReviewRunDto, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    const correlation = correlationFor(request, { runId });
    const run = await this.runs.find(runId, correlation);
    if (!run) throw Problems.runNotFound(runId);
    if (run.status !== 'escalated') throw Problems.runNotAwaitingReview(runId, run.status);
    const output = dto.output === undefined ? '' : typeof dto.output === 'string' ? dto.output : JSON.stringify(dto.output);
    const review = { runId, sessionId: run.sessionId, approved: dto.decision === 'approve', output, note: dto.note ?? '', reviewer: principalOf(request).subject };
    // One review per run: a repeat is the same message id, which the stream drops as a duplicate.
    await orUnavailable('message bus', () => this.publisher.publish(Events.RunReviewed, review, { ...correlationFor(request, { sessionId: run.sessionId, runId }), id: `${runId}:review` }));
    void reply.header('location', `/v7/operations/${runId}`);
    return { run_id: runId, decision: dto.decision, status: 'review_submitted', links: { operation: `/v7/operations/${runId}`, run: `/v7/runs/${runId}` } };
  }
}
