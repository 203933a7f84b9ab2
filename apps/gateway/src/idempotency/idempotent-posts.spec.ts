import { RequestMethod, type Type } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, MODULE_METADATA } from '@nestjs/common/constants.js';
import { gatewayService } from '../gateway.service';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** Every controller of the gateway's feature modules and the modules they import. */
function controllersOf(modules: readonly Type[], seen = new Set<Type>()): Type[] {
  return modules.flatMap((module) => {
    if (seen.has(module)) return [];
    seen.add(module);
    const imports = (Reflect.getMetadata(MODULE_METADATA.IMPORTS, module) ?? []) as Type[];
    return [...((Reflect.getMetadata(MODULE_METADATA.CONTROLLERS, module) ?? []) as Type[]), ...controllersOf(imports, seen)];
  });
}

const postHandlers = (controller: Type) =>
  Object.getOwnPropertyNames(controller.prototype).filter(
    (name) => name !== 'constructor' && Reflect.getMetadata(METHOD_METADATA, controller.prototype[name]) === RequestMethod.POST,
  );

describe('idempotent POSTs', () => {
  const controllers = controllersOf(gatewayService.features as Type[]);

  it('given the gateway, when its controllers are read, then some have POST routes (the check below sees them)', () => {
    expect(controllers.filter((controller) => postHandlers(controller).length > 0).length).toBeGreaterThanOrEqual(5);
  });

  it.each(controllers.filter((controller) => postHandlers(controller).length > 0).map((controller) => [controller.name, controller]))(
    'given %s with POST routes, when read, then it handles Idempotency-Key',
    (_, controller) => {
      const interceptors = (Reflect.getMetadata(INTERCEPTORS_METADATA, controller) ?? []) as unknown[];
      expect(interceptors).toContain(IdempotencyInterceptor);
    },
  );
});
