// Test support for services built on the transport: fixture events and a bus-only fixture service.
export * from './fixture-events';
export * from './fixture-service';
