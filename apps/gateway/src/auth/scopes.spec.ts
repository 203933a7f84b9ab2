import { missingScopes, parseScopeClaim } from './scopes';

describe('scopes', () => {
  it('given a space-separated claim, when parsed, then known scopes come back once each and unknown ones are dropped', () => {
    expect(parseScopeClaim('agents:read  agents:read billing:write agents:execute')).toEqual(['agents:read', 'agents:execute']);
  });

  it('given a claim that is not a string, when parsed, then no scope is granted', () => {
    expect(parseScopeClaim(['agents:read'])).toEqual([]);
    expect(parseScopeClaim(undefined)).toEqual([]);
  });

  it('given a holder without a required scope, when checked, then exactly the missing ones are named', () => {
    expect(missingScopes(['agents:read'], ['agents:read', 'agents:write'])).toEqual(['agents:write']);
  });

  it('given an admin, when checked against any scope, then nothing is missing', () => {
    expect(missingScopes(['admin'], ['agents:write', 'evolution:write'])).toEqual([]);
  });
});
