import { BadRequestException, NotFoundException } from '@nestjs/common';
import { Problems } from './problem';
import { problemFor } from './problem-details.filter';

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
