import { create } from '@bufbuild/protobuf';
import { RunRequestedSchema } from '@sigil/schemas';
import { overridesOf } from './run-requests';

describe('run request overrides', () => {
  it('given a run request without overrides, when read, then each is null', () => {
    expect(overridesOf(create(RunRequestedSchema, { runId: 'r', input: 'hi' }))).toEqual({ contractName: null, contractJson: null, forceStrategy: null });
  });

  it('given an execute request, when read, then its overrides are kept as given', () => {
    const run = create(RunRequestedSchema, { runId: 'r', contractName: 'lead_review', contractJson: '{', forceStrategy: 'partial' });
    expect(overridesOf(run)).toEqual({ contractName: 'lead_review', contractJson: '{', forceStrategy: 'partial' });
  });
});
