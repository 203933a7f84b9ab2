import { create } from '@bufbuild/protobuf';
import { RouteDecidedSchema } from '@sigil/schemas';
import { overridesOf } from './run-overrides';

describe('run overrides carried by the route', () => {
  it('given a route of a run without overrides, when read, then each is null', () => {
    expect(overridesOf(create(RouteDecidedSchema, { runId: 'r', intent: 'general_chat' }))).toEqual({ contractName: null, contractJson: null, forceStrategy: null });
  });

  it('given the route of an execute request, when read, then its overrides are kept as given', () => {
    const route = create(RouteDecidedSchema, { runId: 'r', contractName: 'lead_review', contractJson: '{', forceStrategy: 'partial' });
    expect(overridesOf(route)).toEqual({ contractName: 'lead_review', contractJson: '{', forceStrategy: 'partial' });
  });
});
