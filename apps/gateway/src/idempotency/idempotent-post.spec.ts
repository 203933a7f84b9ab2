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

const handlers = (controller: Type) => Object.getOwnPropertyNames(controller.prototype).filter((name) => name !== 'constructor');
const interceptorsOf = (target: object) => (Reflect.getMetadata(INTERCEPTORS_METADATA, target) ?? []) as unknown[];

describe('idempotent POSTs', () => {
  const controllers = controllersOf(gatewayService.features as Type[]);
  const posts = controllers.flatMap((controller) => postHandlers(controller).map((name) => [`${controller.name}.${name}`, controller.prototype[name]] as const));

  it('given the gateway, when its controllers are read, then the POST routes are found (the check below sees them)', () => {
    expect(posts.length).toBeGreaterThanOrEqual(8);
  });

  it.each(posts)('given the POST route %s, when read, then it handles Idempotency-Key', (_, handler) => {
    expect(interceptorsOf(handler)).toContain(IdempotencyInterceptor);
  });

  it.each(controllers.map((controller) => [controller.name, controller]))('given %s, when read, then no interceptor wraps its other routes', (_, controller) => {
    expect(interceptorsOf(controller)).toEqual([]);
    for (const name of handlers(controller).filter((handler) => !postHandlers(controller).includes(handler))) {
      expect([name, interceptorsOf(controller.prototype[name])]).toEqual([name, []]);
    }
  });
});
