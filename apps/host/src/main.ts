import { Logger } from '@nestjs/common';
import { HOSTED_SERVICES_VARIABLE, hostedServicesFrom, type ServiceName } from '@sigil/service-kit';

/**
 * Runs several services in one process (ADR 0014): each boots from its own entry point, as it would
 * alone, on its own port and with its own consumers, and every hop between them still goes over
 * JetStream; they share the process's event loop and one NATS connection. Which services: the
 * comma-separated `SIGIL_SERVICES`, booted in that order. If one cannot start, the process exits.
 */
const entryPoint = (service: ServiceName) => new URL(`../../${service}/src/main.js`, import.meta.url).href;

let services: ServiceName[];
try {
  services = hostedServicesFrom(process.env[HOSTED_SERVICES_VARIABLE]);
} catch (error) {
  new Logger('host').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
for (const service of services) await import(entryPoint(service));
new Logger('host').log(`hosting ${services.join(', ')}`);
