import { serveFloor } from './floor-service';

/** One floor service in a process of its own, as each platform service is: `floor-child.js <nats url> <service>`. */
const [natsUrl, service] = process.argv.slice(2);
serveFloor(natsUrl, service).then(
  (served) => {
    process.once('SIGTERM', () => void served.stop().finally(() => process.exit(0)));
    process.send?.('ready');
  },
  (error: unknown) => {
    console.error(`floor service ${service} failed to start:`, error);
    process.exit(1);
  },
);
