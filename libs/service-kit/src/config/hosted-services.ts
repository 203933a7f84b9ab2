/** Every service the platform deploys, by the name of its folder under `apps/`. */
export const SERVICE_NAMES = ['gateway', 'router', 'planner', 'reasoning', 'contracts', 'memory', 'evolution', 'event-store'] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The variable naming the services one host process runs, comma-separated, in boot order. */
export const HOSTED_SERVICES_VARIABLE = 'SIGIL_SERVICES';

const isServiceName = (name: string): name is ServiceName => (SERVICE_NAMES as readonly string[]).includes(name);

/**
 * The services a host process is asked to run (ADR 0014), in the order given. An empty list, an
 * unknown name or a name given twice is refused with the reason, before anything starts.
 */
export function hostedServicesFrom(raw: string | undefined): ServiceName[] {
  const names = (raw ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) throw new Error(`${HOSTED_SERVICES_VARIABLE} names no service: give some of ${SERVICE_NAMES.join(', ')}, comma-separated`);
  const unknown = names.filter((name) => !isServiceName(name));
  if (unknown.length > 0) throw new Error(`${HOSTED_SERVICES_VARIABLE} names unknown services: ${unknown.join(', ')} (known: ${SERVICE_NAMES.join(', ')})`);
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0) throw new Error(`${HOSTED_SERVICES_VARIABLE} names a service twice: ${[...new Set(repeated)].join(', ')}`);
  return names as ServiceName[];
}
