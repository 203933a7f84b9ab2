import { allEvents } from '@sigil/catalog';
import { PLATFORM_SERVICES, SERVICE_NODE_FLAGS } from '@sigil/local-stack';
import { durableNameFor, streamConfigs } from '@sigil/messaging';
import { SERVICE_NAMES } from '@sigil/service-kit';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** No cluster or Docker engine here, so the manifests are checked for what would break a deploy. */
const root = path.resolve(import.meta.dirname, '../..');
const documents = (file: string) => parseAllDocuments(readFileSync(path.join(root, file), 'utf8')).map((doc) => doc.toJS());

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec: Record<string, never> & {
    template: { spec: { containers: { env: { name: string; value: string }[]; ports: { containerPort: number }[]; livenessProbe: { httpGet: { path: string } }; readinessProbe: { httpGet: { path: string } } }[] } };
    scaleTargetRef: { name: string };
    triggers: { metadata: { stream: string; consumer: string } }[];
  };
}

describe('deployment manifests', () => {
  it('lists only resources that exist, in every kustomization', () => {
    for (const dir of ['deploy/k8s/base', 'deploy/k8s/overlays/dev', 'deploy/k8s/overlays/prod', 'deploy/nats']) {
      const kustomization = parse(readFileSync(path.join(root, dir, 'kustomization.yaml'), 'utf8')) as { resources: string[] };
      for (const resource of kustomization.resources) expect([dir, resource, existsSync(path.join(root, dir, resource))]).toEqual([dir, resource, true]);
    }
  });

  it('knows in the host process (SIGIL_SERVICES) every service it deploys', () => {
    expect([...SERVICE_NAMES].sort()).toEqual(PLATFORM_SERVICES.map((service) => service.name).sort());
  });

  it('starts the image’s service with the Node flags the local stack starts services with', () => {
    const command = readFileSync(path.join(root, 'Dockerfile'), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('CMD '))
      .at(-1);
    const nodeFlags = /exec node ((?:--\S+ )*)dist\//.exec(command ?? '')?.[1].trim().split(' ') ?? [];
    expect(nodeFlags).toEqual([...SERVICE_NODE_FLAGS]);
  });

  it('runs every service with its port variable and its liveness and readiness probes', () => {
    const deployments = (documents('deploy/k8s/base/services.yaml') as Manifest[]).filter((doc) => doc.kind === 'Deployment');
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual(PLATFORM_SERVICES.map((s) => `sigil-${s.name}`).sort());
    for (const service of PLATFORM_SERVICES) {
      const deployment = deployments.find((d) => d.metadata.name === `sigil-${service.name}`);
      const [container] = deployment?.spec.template.spec.containers ?? [];
      expect(container.env).toEqual(expect.arrayContaining([{ name: 'SIGIL_SERVICE', value: service.name }, { name: service.portVariable, value: String(service.port) }]));
      expect(container.ports[0].containerPort).toBe(service.port);
      expect(container.livenessProbe.httpGet.path).toBe('/healthz');
      expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    }
  });

  it('scales consumers on the lag of streams and durable consumers that the code really creates', () => {
    const streams = new Set(streamConfigs(allEvents).map((config) => config.name));
    const durables = new Set([
      ...allEvents.flatMap((event) => PLATFORM_SERVICES.map((service) => durableNameFor(service.name, event.subject))),
      ...[...streams].map((stream) => durableNameFor('event-store', stream)),
    ]);
    for (const scaled of documents('deploy/k8s/base/keda-scaledobjects.yaml') as Manifest[]) {
      for (const trigger of scaled.spec.triggers) {
        expect(streams).toContain(trigger.metadata.stream);
        expect(durables).toContain(trigger.metadata.consumer);
        expect(trigger.metadata.consumer.startsWith(scaled.spec.scaleTargetRef.name.replace('sigil-', ''))).toBe(true);
      }
    }
  });

  it('composes the same eight services with the same ports', () => {
    const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, { environment: Record<string, string> }> };
    for (const service of PLATFORM_SERVICES) {
      expect(compose.services[service.name].environment).toMatchObject({ SIGIL_SERVICE: service.name, [service.portVariable]: String(service.port) });
    }
  });
});
