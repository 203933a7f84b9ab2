import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiResponse, type SchemaObject } from '@nestjs/swagger';
import { problemResponse } from '../openapi/problem-schema';

const DELIVERABLE_TYPES = ['int', 'float', 'str', 'bool', 'list', 'dict'];
const RULES = ['min', 'max', 'min_length', 'max_length', 'pattern', 'enum', 'not_empty', 'items'];

/**
 * The wire form of a contract, for the reader of the API description: the contracts service checks
 * it (CV-001..CV-003), the gateway only that the body is a JSON object.
 */
export const CONTRACT_SPEC_SCHEMA = {
  type: 'object',
  required: ['name', 'description', 'deliverables'],
  properties: {
    name: { type: 'string', pattern: '^[a-z][a-z0-9_]{2,63}$' },
    description: { type: 'string', minLength: 1, maxLength: 2000 },
    version: { type: 'string', default: '1.0.0' },
    deliverables: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: {
        type: 'object',
        required: ['name', 'type', 'description'],
        properties: {
          name: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' },
          type: { type: 'string', enum: DELIVERABLE_TYPES },
          description: { type: 'string' },
          required: { type: 'boolean', default: true },
          validation_rules: {
            type: 'array',
            items: { type: 'object', required: ['rule'], properties: { rule: { type: 'string', enum: RULES }, value: { description: 'The rule\'s bound, pattern, allowed values, or for items the elements\' spec' } } },
          },
          example: { description: 'A value that satisfies the deliverable' },
          properties: { type: 'array', description: 'A dict\'s fields, each a deliverable', items: { type: 'object' } },
        },
      },
    },
    constraints: {
      type: 'object',
      properties: {
        max_total_tokens: { type: 'integer', minimum: 1, maximum: 1_000_000 },
        max_tool_calls: { type: 'integer', minimum: 0, maximum: 1_000 },
        timeout_seconds: { type: 'number', exclusiveMinimum: 0, maximum: 86_400 },
        warn_threshold: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      },
    },
    failure_strategy: { type: 'string', enum: ['retry', 'fallback', 'partial', 'template', 'escalate', 'fail'], default: 'retry' },
    max_retries: { type: 'integer', minimum: 0, maximum: 10, default: 2 },
    metadata: { type: 'object' },
  },
};
// (Nest's SchemaObject type is OpenAPI 3.0's, where exclusiveMinimum is a boolean; the document is 3.1.)

/** A route whose body is a contract specification. */
export const DocumentedContractBody = () => ApiBody({ required: true, schema: CONTRACT_SPEC_SCHEMA as unknown as SchemaObject, description: 'A contract in its wire (snake_case) form' });

export const DocumentedSpecProblems = () =>
  ApiResponse({
    status: 400,
    ...problemResponse('Invalid request, or an invalid contract specification: CV-001 (specification), CV-002 (deliverable type), CV-003 (validation rule); validation_errors names each field'),
  });

export const DocumentedContractNotFound = (description = 'CV-004: neither the tenant nor the templates have a contract of that name') => ApiResponse({ status: 404, ...problemResponse(description) });

export const DocumentedContractExists = () => ApiResponse({ status: 409, ...problemResponse('CV-005: the tenant already has a contract of that name') });

export const DocumentedTemplateReadOnly = () => ApiResponse({ status: 403, ...problemResponse('CV-006: templates cannot be modified or deleted') });

/** What writing a contract can be refused for. */
export const DocumentedContractWrite = () => applyDecorators(DocumentedContractBody(), DocumentedSpecProblems());
