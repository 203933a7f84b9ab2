import { checkToolInput } from './tool-input';
import { ToolRegistry, ToolRunner, UnknownToolError, type Tool } from './tool';

const tool = (name: string, inputSchema: Record<string, unknown> = { type: 'object' }): Tool => ({
  name,
  description: `${name} tool`,
  inputSchema,
  run: async (input, context) => ({ output: `${name}#${context.callIndex} ${JSON.stringify(input)}`, isError: false }),
});

describe('tools', () => {
  it('given registered tools, when offered to a model, then each is described by name, description and input schema', () => {
    const registry = new ToolRegistry([tool('memory_search', { type: 'object', required: ['query'] })]);
    expect(registry.definitions()).toEqual([{ name: 'memory_search', description: 'memory_search tool', inputSchema: { type: 'object', required: ['query'] } }]);
  });

  it.each([['bad name'], ['']])('given the tool name "%s", when registered, then it is refused', (name) => {
    expect(() => new ToolRegistry([tool(name)])).toThrow('must be 1-64 letters');
  });

  it('given a name registered twice, when registered, then it is refused', () => {
    expect(() => new ToolRegistry([tool('a'), tool('a')])).toThrow('tool a is registered twice');
  });

  it('given a runner, when tools are called, then the calls are numbered across the step from 0, refused input included', async () => {
    const runner = new ToolRunner(new ToolRegistry([tool('a', { type: 'object', required: ['x'] })]), { runId: 'r', sessionId: 's', stepId: 'r:s1:1' }, new AbortController().signal);
    expect(await runner.run('a', { x: 1 })).toEqual({ output: 'a#0 {"x":1}', isError: false });
    expect(await runner.run('a', {})).toEqual({ output: 'invalid input for a: input.x is required', isError: true });
    expect(await runner.run('a', { x: 2 })).toEqual({ output: 'a#2 {"x":2}', isError: false });
    await expect(runner.run('b', {})).rejects.toThrow(UnknownToolError);
    expect(runner.callCount).toBe(3);
  });

  describe('input checks', () => {
    const schema = {
      type: 'object',
      properties: {
        query: { type: 'string', minLength: 1 },
        k: { type: 'integer', minimum: 1, maximum: 20 },
        scope: { type: 'string', enum: ['session', 'tenant'] },
        filter: { type: 'object', properties: { category: { type: 'string' } }, additionalProperties: false },
      },
      required: ['query'],
      additionalProperties: false,
    };

    it('given input that fits, when checked, then there are no problems', () => {
      expect(checkToolInput(schema, { query: 'acme', k: 5, scope: 'tenant', filter: { category: 'fact' } })).toEqual([]);
    });

    it('given input that does not fit, when checked, then every problem is named by its path', () => {
      expect(checkToolInput(schema, { k: 2.5, scope: 'world', filter: { colour: 'red' }, extra: true })).toEqual([
        'input.query is required',
        'input.k must be an integer',
        'input.scope must be one of session, tenant',
        'input.filter.colour is not allowed',
        'input.extra is not allowed',
      ]);
      expect(checkToolInput(schema, { query: '', k: 50 })).toEqual(['input.query must have at least 1 characters', 'input.k must be at most 20']);
    });
  });
});
