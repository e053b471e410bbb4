import { CONNECT_STORAGE_PARTITIONS } from '../../model/connect/defaults';
import { COMPLIANT, defineRule, violations } from '../types';

export const configTopicSinglePartition = defineRule({
  id: 'TF-CONNECT-004',
  level: 'error',
  appliesTo: 'connect-cluster',
  title: 'The Connect config storage topic does not have exactly one partition.',
  rationale: 'Connect needs the total order of connector configurations that only a single partition gives, and refuses to start on a config topic with more.',
  fix: 'remove storage.config.partitions (1 is derived)',
  check: (c) =>
    c.storage.config.partitions.value === CONNECT_STORAGE_PARTITIONS.config
      ? COMPLIANT
      : violations({ field: 'storage.config.partitions', message: `${c.storage.config.name} has ${c.storage.config.partitions.value} partitions, not 1` }),
});

export const storagePartitionsBelowDefault = defineRule({
  id: 'TF-CONNECT-005',
  level: 'warning',
  appliesTo: 'connect-cluster',
  title: "A Connect offset or status storage topic has fewer partitions than Connect's defaults.",
  rationale:
    "Connect spreads source offsets and task statuses by key over these partitions (defaults: offsets 25, status 5); fewer concentrate every worker's writes on fewer brokers, and partitions cannot be removed later, only added.",
  fix: "remove storage.offset.partitions / storage.status.partitions, or suppress with the reason (e.g. an adopted cluster's topics)",
  check: (c) =>
    violations(
      ...(['offset', 'status'] as const)
        .filter((kind) => c.storage[kind].partitions.value < CONNECT_STORAGE_PARTITIONS[kind])
        .map((kind) => ({
          field: `storage.${kind}.partitions`,
          message: `${c.storage[kind].name} has ${c.storage[kind].partitions.value} partitions, below Connect's default ${CONNECT_STORAGE_PARTITIONS[kind]}`,
        })),
    ),
});
