/**
 * Every policy rule, in catalogue order. Ids are `TF-<AREA>-<NNN>` and are never reused; RULES.md is generated from
 * this list (scripts/gen-rules-doc.ts) and a test fails when it is stale.
 */
import { aclNeeded } from './access/acl-needed';
import { aclPatternMode } from './access/acl-pattern-mode';
import { legacyAclListed } from './access/legacy-acl';
import { principalPerService } from './access/principal-per-service';
import { quotaDerivable } from './access/quota-derivable';
import { iamGrantNeeded } from './iam/grant-needed';
import { iamPolicyComplete } from './iam/policy-complete';
import { iamWildcardResource } from './iam/wildcard-resource';
import { confluentCloudEditableConfigs } from './topic/confluent-cloud-editable';
import { minIsrWithinReplicationFactor } from './cluster/min-isr-within-rf';
import { productionMinInsyncReplicas } from './cluster/min-insync-replicas';
import { productionReplicationFactor } from './cluster/replication-factor';
import { segmentRollShorterThanRetention } from './cluster/segment-roll';
import { uncleanLeaderElectionOff } from './cluster/unclean-leader-election';
import { connectorClassKnown } from './connect/connector-class-known';
import { sinkDeadLetterExists } from './connect/sink-dead-letter-exists';
import { sinkIdempotencyStated } from './connect/sink-idempotency-stated';
import { storageCompacted } from './connect/storage-compacted';
import { configTopicSinglePartition, storagePartitionsBelowDefault } from './connect/storage-partitions';
import { changeStrategyStated } from './contract/change-strategy-stated';
import { compatibilityNotNone } from './contract/compatibility-not-none';
import { keyFieldInSchema } from './contract/key-field-in-schema';
import { schemaDeclared } from './contract/schema-declared';
import { recoveryProcedure } from './domain/recovery-procedure';
import { recoveryProcedureExists } from './domain/recovery-procedure-exists';
import { topicNamedAfterDomain } from './domain/topic-named-after-domain';
import { unassignedDomain } from './domain/unassigned-domain';
import { deadLetterExists } from './group/dead-letter-exists';
import { idempotencyStated } from './group/idempotency-stated';
import { lagToleranceStated } from './group/lag-tolerance-stated';
import { manualOffsetCommit } from './group/manual-offset-commit';
import { processingTimeStated } from './group/processing-time-stated';
import { blastRadius } from './key/blast-radius';
import { compactedTopicKeyed } from './key/compacted-topic-keyed';
import { hotPartition } from './key/hot-partition';
import { orderedTopicHasKey } from './key/ordered-topic-has-key';
import { orderingCollapse } from './key/ordering-collapse';
import { deliveryBounded } from './producer/delivery-bounded';
import { exponentialBackoff } from './producer/exponential-backoff';
import { idempotentProducer } from './producer/idempotent-producer';
import { retriesDefault } from './producer/retries-default';
import { byteCapCoversWindow } from './replay/byte-cap-covers-window';
import { replaySafeReader } from './replay/not-replay-safe';
import { replaySafetyStated } from './replay/replay-safety-stated';
import { retentionCoversWindow } from './replay/retention-covers-window';
import { tombstonesOutliveReindex } from './replay/tombstones-outlive-reindex';
import { stackResourceBudget } from './stack/resource-budget';
import { coPartitioned } from './streams/co-partitioned';
import { streamsDeadLetterStrategy } from './streams/dead-letter-strategy';
import { outputsReadCommitted } from './streams/outputs-read-committed';
import { streamsReplayWithSideEffects } from './streams/replay-with-side-effects';
import { partitionCap } from './topic/partition-cap';
import { partitionHeadroom } from './topic/partition-headroom';
import type { RuleDefinition, RuleLevel } from './types';

export const RULES: readonly RuleDefinition[] = [
  recoveryProcedure,
  recoveryProcedureExists,
  topicNamedAfterDomain,
  unassignedDomain,
  partitionHeadroom,
  partitionCap,
  orderedTopicHasKey,
  hotPartition,
  orderingCollapse,
  blastRadius,
  compactedTopicKeyed,
  idempotentProducer,
  retriesDefault,
  exponentialBackoff,
  deliveryBounded,
  idempotencyStated,
  manualOffsetCommit,
  deadLetterExists,
  lagToleranceStated,
  processingTimeStated,
  retentionCoversWindow,
  tombstonesOutliveReindex,
  byteCapCoversWindow,
  replaySafetyStated,
  replaySafeReader,
  coPartitioned,
  outputsReadCommitted,
  streamsDeadLetterStrategy,
  streamsReplayWithSideEffects,
  compatibilityNotNone,
  changeStrategyStated,
  productionReplicationFactor,
  productionMinInsyncReplicas,
  minIsrWithinReplicationFactor,
  uncleanLeaderElectionOff,
  confluentCloudEditableConfigs,
  segmentRollShorterThanRetention,
  aclNeeded,
  legacyAclListed,
  iamWildcardResource,
  iamGrantNeeded,
  iamPolicyComplete,
  aclPatternMode,
  principalPerService,
  quotaDerivable,
  keyFieldInSchema,
  schemaDeclared,
  stackResourceBudget,
  sinkDeadLetterExists,
  sinkIdempotencyStated,
  storageCompacted,
  configTopicSinglePartition,
  storagePartitionsBelowDefault,
  connectorClassKnown,
] as RuleDefinition[];

/** Rules about suppressions themselves, enforced by the runner. */
export interface MetaRule {
  readonly id: string;
  readonly level: RuleLevel;
  readonly title: string;
  readonly rationale: string;
  readonly fix: string;
}

export const UNKNOWN_RULE_SUPPRESSED: MetaRule = {
  id: 'TF-LINT-001',
  level: 'error',
  title: 'A suppression names a rule that does not exist, or a suppression rule.',
  rationale: 'A typo in a suppression would silently suppress nothing, or hide that a rule was renamed.',
  fix: 'use an id from the rule catalogue (RULES.md)',
};

export const UNUSED_SUPPRESSION: MetaRule = {
  id: 'TF-LINT-002',
  level: 'info',
  title: 'A suppression matches no finding.',
  rationale: 'A stale suppression would silence the rule again the day the problem comes back.',
  fix: 'remove the suppression',
};

export const META_RULES: readonly MetaRule[] = [UNKNOWN_RULE_SUPPRESSED, UNUSED_SUPPRESSION];

export const RULE_IDS: ReadonlySet<string> = new Set([...RULES.map((r) => r.id), ...META_RULES.map((r) => r.id)]);
