import { CONNECT_STORAGE_KINDS } from '../../model/connect/defaults';
import { defineRule, violations } from '../types';

export const storageCompacted = defineRule({
  id: 'TF-CONNECT-003',
  level: 'error',
  appliesTo: 'connect-cluster',
  title: 'A Connect storage topic is not compacted (cleanup.policy=compact).',
  rationale:
    'Connect keeps connector configurations, source offsets and task statuses as the latest value per key; with deletion the configs and offsets age out and connectors vanish or re-read their sources from the start.',
  fix: 'remove the cleanup.policy override from storage.<kind>.config (compact is derived)',
  check: (c) =>
    violations(
      ...CONNECT_STORAGE_KINDS.filter((kind) => c.storage[kind].cleanupPolicy !== 'compact').map((kind) => ({
        field: `storage.${kind}.config.cleanup.policy`,
        message: `${c.storage[kind].name} has cleanup.policy=${c.storage[kind].cleanupPolicy}, not compact`,
      })),
    ),
});
