export * from './common';
export * from './consumer-group';
export * from './domain';
export * from './environment';
export * from './event-topic';
export * from './producer';
export * from './legacy-acl';
