import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiResponse } from '@nestjs/swagger';
import { problemResponse } from '../openapi/problem-schema';
import { CancelRunDto } from './cancel-run.dto';

const ACCEPTED = 'The run is stored and under way (or waits for review): poll the operation in Location';

/** What a run request can answer besides its result: the ways a run waited for can stop without one, and the route's own refusals. */
export const DocumentedRunStops = (own: { conflicts: string[]; unprocessable: string[] }) =>
  applyDecorators(
    ApiResponse({ status: 202, description: ACCEPTED }),
    ApiResponse({
      status: 409,
      ...problemResponse(
        ['RUN_004: the run was cancelled before it finished (partial_results holds the steps it finished)', ...own.conflicts, 'REQ_004: this Idempotency-Key is still in progress'].join('; '),
      ),
    }),
    ApiResponse({
      status: 422,
      ...problemResponse(
        ["CTX_003: the run's token budget (config.max_total_tokens) ran out (partial_results holds the steps it finished)", ...own.unprocessable, 'REQ_003: Idempotency-Key reused with another body'].join('; '),
      ),
    }),
    ApiResponse({ status: 504, ...problemResponse('RUN_005: the run did not finish before its deadline (config.timeout_ms) and was stopped; partial_results holds the steps it finished') }),
  );

export const DocumentedRunCancel = () =>
  applyDecorators(
    ApiBody({ type: CancelRunDto, required: false }),
    ApiResponse({ status: 202, description: 'Cancellation requested: the run stops dispatching and ends as cancelled (RUN_004); poll the operation in Location' }),
    ApiResponse({ status: 404, ...problemResponse('RUN_001: the tenant has no such run') }),
    ApiResponse({ status: 409, ...problemResponse('RUN_006: the run already finished (completed, failed or cancelled); REQ_004: this Idempotency-Key is still in progress') }),
  );
