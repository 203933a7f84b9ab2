import { checkHosts, COMPACT_HOSTS, ONE_PROCESS_PER_SERVICE } from './services';

describe('the platform services and their host processes', () => {
  it('given the compact and the one-per-service layouts, when checked, then each runs every service once', () => {
    expect(checkHosts(COMPACT_HOSTS)).toHaveLength(2);
    expect(checkHosts(ONE_PROCESS_PER_SERVICE)).toHaveLength(8);
  });

  it('given hosts that miss a service, name one twice or an unknown one, when checked, then each fault is named', () => {
    const [chain, rest] = COMPACT_HOSTS;
    expect(() => checkHosts([chain, rest.slice(1)])).toThrow('the hosts must run every service once: missing memory');
    expect(() => checkHosts([chain, [...rest, 'planner']])).toThrow('twice planner');
    expect(() => checkHosts([[...chain, 'planer'], rest])).toThrow('unknown planer');
  });

  it('given a host with no service, when checked, then it is refused', () => {
    expect(() => checkHosts([...COMPACT_HOSTS, []])).toThrow('a host process runs at least one service');
  });
});
