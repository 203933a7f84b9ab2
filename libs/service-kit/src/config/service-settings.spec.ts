import { DEFAULTS, portVariable, settingsFromEnv } from './service-settings';

describe('service settings', () => {
  it('given an empty environment, when read, then the documented defaults apply', () => {
    expect(settingsFromEnv('gateway', 8000, {})).toEqual({ serviceName: 'gateway', httpPort: 8000, ...DEFAULTS });
  });

  it('given the gateway, when its port variable is named, then it is SIGIL_API_PORT; others are per service', () => {
    expect(portVariable('gateway')).toBe('SIGIL_API_PORT');
    expect(portVariable('event-store')).toBe('SIGIL_EVENT_STORE_PORT');
  });

  it('given overrides, when read, then they win', () => {
    const settings = settingsFromEnv('router', 8101, { SIGIL_ROUTER_PORT: '9101', NATS_URL: 'nats://10.0.0.1:4222', REDIS_URL: 'redis://cache:6379' });
    expect(settings).toMatchObject({ httpPort: 9101, natsUrl: 'nats://10.0.0.1:4222', redisUrl: 'redis://cache:6379' });
  });

  it('given a port that is not a number, when read, then the variable is named in the error', () => {
    expect(() => settingsFromEnv('gateway', 8000, { SIGIL_API_PORT: 'eighty' })).toThrow('SIGIL_API_PORT must be a port number, got "eighty"');
  });

  it('given a process hosting several services, when read, then they share a connection named after them', () => {
    expect(settingsFromEnv('planner', 8102, { SIGIL_SERVICES: 'gateway,planner' }).sharedConnectionName).toBe('sigil-host: gateway,planner');
    expect(settingsFromEnv('planner', 8102, {}).sharedConnectionName).toBeUndefined();
  });
});
