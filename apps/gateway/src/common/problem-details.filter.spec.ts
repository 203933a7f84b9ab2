import { BadRequestException, NotFoundException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException, Problems } from './problem';
import { problemFor, sendProblem } from './problem-details.filter';

/** What a problem puts on the wire: the reply records status, headers and body. */
function sent(exception: unknown) {
  const wire: { status?: number; headers: Record<string, string>; body?: Record<string, unknown> } = { headers: {} };
  const reply = {
    header: (name: string, value: string) => ((wire.headers[name] = value), reply),
    headers: (values: Record<string, string>) => (Object.assign(wire.headers, values), reply),
    status: (status: number) => ((wire.status = status), reply),
    send: (body: Record<string, unknown>) => ((wire.body = body), reply),
  };
  sendProblem(exception, { url: '/v7/runs/r1/cancel?x=1', id: 'req-1', method: 'POST' } as FastifyRequest, reply as unknown as FastifyReply);
  return wire;
}

describe('problem details', () => {
  it('given a domain problem, when mapped, then its code, title and hints are kept', () => {
    expect(problemFor(Problems.agentNotFound('ghost'))).toMatchObject({ status: 404, errorCode: 'AGT_001', detail: "Agent 'ghost' not found" });
  });

  it('given a framework client error, when mapped, then its status is kept with a REQ code', () => {
    expect(problemFor(new NotFoundException('Cannot GET /nope'))).toMatchObject({ status: 404, errorCode: 'REQ_404' });
    expect(problemFor(new BadRequestException('bad json'))).toMatchObject({ status: 400, errorCode: 'REQ_400' });
  });

  it('given an unexpected error, when mapped, then nothing of it leaks', () => {
    const problem = problemFor(new Error('password=hunter2 at db.ts:42'));
    expect(problem).toMatchObject({ status: 500, errorCode: 'SYS_001', detail: 'An unexpected error occurred' });
    expect(JSON.stringify(problem)).not.toContain('hunter2');
  });
});

describe('problem details on the wire', () => {
  it('given a problem with extension members, when sent, then they sit beside the standard members', () => {
    const wire = sent(Problems.runCancelled('r1', '', [{ id: 'a', status: 'completed' }]));
    expect(wire.status).toBe(409);
    expect(wire.headers['content-type']).toBe('application/problem+json');
    expect(wire.body).toMatchObject({
      type: 'https://sigil.acti.ai/errors/run-004',
      status: 409,
      error_code: 'RUN_004',
      instance: '/v7/runs/r1/cancel',
      request_id: 'req-1',
      run_id: 'r1',
      partial_results: [{ id: 'a', status: 'completed' }],
    });
  });

  it('given an extension named like a standard member, when sent, then the standard member wins', () => {
    const problem = new ProblemException({ status: 409, title: 'T', errorCode: 'RUN_006', detail: 'd', extensions: { status: 200, error_code: 'OK', run_id: 'r1' } });
    expect(sent(problem).body).toMatchObject({ status: 409, error_code: 'RUN_006', run_id: 'r1' });
  });
});

describe('problem details for errors Fastify raises before routing', () => {
  it('given a body over the limit, when mapped, then it is a 413 with its message', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), { code: 'FST_ERR_CTP_BODY_TOO_LARGE', statusCode: 413 });
    expect(problemFor(tooLarge)).toMatchObject({ status: 413, title: 'PayloadTooLarge', errorCode: 'REQ_413' });
  });

  it('given a Fastify error with a 5xx status, when mapped, then it is an opaque 500', () => {
    const internal = Object.assign(new Error('socket details'), { code: 'FST_ERR_X', statusCode: 503 });
    expect(problemFor(internal)).toMatchObject({ status: 500, errorCode: 'SYS_001', detail: 'An unexpected error occurred' });
  });
});
