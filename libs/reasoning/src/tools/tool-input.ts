/**
 * The checks a tool's JSON Schema asks of a model-made input, for the keywords tools here use:
 * `type`, `required`, `properties`, `enum`, `additionalProperties: false`, `minLength`, `minimum`/`maximum`.
 * Enough to refuse a malformed call with a message the model can act on; not a full validator.
 */
type Schema = Record<string, unknown>;

const TYPE_CHECKS: Record<string, (value: unknown) => boolean> = {
  string: (value) => typeof value === 'string',
  number: (value) => typeof value === 'number' && Number.isFinite(value),
  integer: (value) => Number.isInteger(value),
  boolean: (value) => typeof value === 'boolean',
  object: (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  array: (value) => Array.isArray(value),
  null: (value) => value === null,
};

function checkValue(schema: Schema, value: unknown, path: string): string[] {
  const type = schema.type;
  if (typeof type === 'string' && TYPE_CHECKS[type] && !TYPE_CHECKS[type](value)) return [`${path} must be ${type === 'integer' ? 'an' : 'a'} ${type}`];
  const problems: string[] = [];
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) problems.push(`${path} must be one of ${schema.enum.map(String).join(', ')}`);
  if (typeof value === 'string' && typeof schema.minLength === 'number' && value.length < schema.minLength) {
    problems.push(`${path} must have at least ${schema.minLength} characters`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) problems.push(`${path} must be at least ${schema.minimum}`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) problems.push(`${path} must be at most ${schema.maximum}`);
  }
  if (TYPE_CHECKS.object(value)) problems.push(...checkObject(schema, value as Record<string, unknown>, path));
  return problems;
}

function checkObject(schema: Schema, value: Record<string, unknown>, path: string): string[] {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const problems: string[] = [];
  for (const name of Array.isArray(schema.required) ? (schema.required as string[]) : []) {
    if (value[name] === undefined) problems.push(`${path}.${name} is required`);
  }
  for (const [name, field] of Object.entries(value)) {
    if (properties[name]) problems.push(...checkValue(properties[name], field, `${path}.${name}`));
    else if (schema.additionalProperties === false) problems.push(`${path}.${name} is not allowed`);
  }
  return problems;
}

/** The problems with the input, or none. */
export function checkToolInput(schema: Schema, input: Record<string, unknown>): string[] {
  return checkValue(schema, input, 'input');
}
