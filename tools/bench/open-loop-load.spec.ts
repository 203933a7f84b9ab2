import { requestsDue, ResponseReader } from './open-loop-load';

describe('requestsDue', () => {
  it('given a constant rate, when time passes, then requests fall due evenly and never early', () => {
    expect(requestsDue(0, 5_000)).toBe(0);
    expect(requestsDue(0.19, 5_000)).toBe(0);
    expect(requestsDue(0.2, 5_000)).toBe(1);
    expect(requestsDue(1, 5_000)).toBe(5);
    expect(requestsDue(20_000, 5_000)).toBe(100_000);
  });
});

describe('ResponseReader', () => {
  const response = (status: number, body: string) => `HTTP/1.1 ${status} X\r\nContent-Type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body}`;

  it('given pipelined responses split anywhere, when read, then each is reported once, in order, with its status', () => {
    const statuses: number[] = [];
    const reader = new ResponseReader((status) => statuses.push(status));
    const first = response(200, '{"a":1}');
    const bytes = Buffer.from(first + response(404, '{"error":"x"}') + response(200, ''));
    const cuts = [0, 5, 40, first.length - 1, first.length + 3];
    for (let index = 1; index < cuts.length; index++) reader.push(bytes.subarray(cuts[index - 1], cuts[index]));
    expect(statuses).toEqual([200]);
    reader.push(bytes.subarray(cuts.at(-1)));
    expect(statuses).toEqual([200, 404, 200]);
  });
});
