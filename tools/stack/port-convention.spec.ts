import { portVariable } from '@sigil/service-kit';
import { PLATFORM_SERVICES } from '@sigil/local-stack';

describe('port variables', () => {
  it('given the services the local stack starts, when their port variables are compared, then each matches what the service reads', () => {
    for (const service of PLATFORM_SERVICES) expect(service.portVariable).toBe(portVariable(service.name));
  });
});
