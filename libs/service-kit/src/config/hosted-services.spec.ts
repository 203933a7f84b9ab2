import { hostedServicesFrom, SERVICE_NAMES } from './hosted-services';

describe('hosted services', () => {
  it('given services separated by commas and spaces, when read, then they come in the order given', () => {
    expect(hostedServicesFrom(' planner, gateway ,reasoning')).toEqual(['planner', 'gateway', 'reasoning']);
  });

  it('given every service, when read, then all eight are hosted', () => {
    expect(hostedServicesFrom(SERVICE_NAMES.join(','))).toEqual([...SERVICE_NAMES]);
  });

  it('given nothing, when read, then the variable and the known services are named', () => {
    expect(() => hostedServicesFrom(undefined)).toThrow('SIGIL_SERVICES names no service: give some of gateway, router');
    expect(() => hostedServicesFrom(' , ')).toThrow('SIGIL_SERVICES names no service');
  });

  it('given an unknown name, when read, then it is named in the error', () => {
    expect(() => hostedServicesFrom('planner,planer,gatway')).toThrow('SIGIL_SERVICES names unknown services: planer, gatway (known: gateway, router');
  });

  it('given a service twice, when read, then it is refused', () => {
    expect(() => hostedServicesFrom('memory,planner,memory')).toThrow('SIGIL_SERVICES names a service twice: memory');
  });
});
