/** Appendix C of the spec: every contract error a client can see, as data for RFC 9457 problem responses. */
export interface ContractErrorInfo {
  status: number;
  title: string;
  recoverySuggestions: string[];
}

export const CONTRACT_ERRORS = {
  'CV-001': {
    status: 400,
    title: 'Invalid contract specification',
    recoverySuggestions: [
      'Give the contract a name matching ^[a-z][a-z0-9_]{2,63}$, a description and at least one deliverable',
      'Give every deliverable a unique name',
      'Check the listed field paths against the contract schema',
    ],
  },
  'CV-002': {
    status: 400,
    title: 'Invalid deliverable type',
    recoverySuggestions: ['Use one of the deliverable types int, float, str, bool, list, dict'],
  },
  'CV-003': {
    status: 400,
    title: 'Invalid validation rule',
    recoverySuggestions: [
      'Use one of the rules min, max, min_length, max_length, pattern, enum, not_empty, items with a value of the right kind',
      'Apply each rule only to types it fits (min/max to numbers, min_length/max_length to str and list, pattern to str)',
      'Use a short pattern without nested quantifiers, overlapping alternatives, backreferences or lookbehind',
    ],
  },
  'CV-004': {
    status: 404,
    title: 'Contract not found',
    recoverySuggestions: ['List the available contracts and templates and use one of their names'],
  },
  'CV-005': {
    status: 409,
    title: 'Contract already exists',
    recoverySuggestions: ['Choose another name, or update the existing contract instead'],
  },
  'CV-006': {
    status: 403,
    title: 'Cannot modify template',
    recoverySuggestions: ['Templates are read-only: create a contract of your own from the template instead'],
  },
  'CV-007': {
    status: 422,
    title: 'Contract validation failed',
    recoverySuggestions: ['Correct the output fields listed in the errors and validate again'],
  },
  'CV-008': {
    status: 422,
    title: 'Contract violation (fail strategy)',
    recoverySuggestions: [
      'Review the listed errors: the contract allows no retry or fallback',
      'Choose a lenient failure strategy (retry, fallback, partial) if a best-effort answer is acceptable',
    ],
  },
  'CV-009': {
    status: 500,
    title: 'Internal execution error',
    recoverySuggestions: ['Try again later; if it persists, report the request id'],
  },
} as const satisfies Record<string, ContractErrorInfo>;

export type ContractErrorCode = keyof typeof CONTRACT_ERRORS;
