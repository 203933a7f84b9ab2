export * from './data-source/service-data-source';
export * from './inbox-outbox/messaging-tables.migration';
export * from './inbox-outbox/outbox-relay';
export * from './inbox-outbox/unit-of-work';
export * from './paging/page-window';
export * from './inbox-outbox/sql';
export * from './inbox-outbox/inline-sql';
