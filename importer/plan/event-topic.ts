/**
 * One cluster topic → the event-topic declaration that synthesizes to the same partitions, replication factor and
 * topic configs.
 *
 * Derived configs are reproduced, not overridden where the model can derive them: `cleanup.policy` becomes the replay
 * kind, `min.insync.replicas` `replication.minInsyncReplicas`, `retention.bytes` `retentionBytes`; the replay window is
 * chosen so that the derived `retention.ms` (window + tolerated lag + margin; imported groups state no lag) equals the
 * cluster's, and the longest reindex so that the derived `delete.retention.ms` does. When no such value exists the
 * value goes into `config` explicitly (declared values win over derived ones). Every other override is kept as it is.
 */
import { KAFKA_TOPIC_DEFAULTS, kafkaTopicDefault } from '../../model/kafka-defaults';
import { pascalCase } from '../naming';
import type { SnapshotTopic } from '../snapshot';
import type { PlannedTopic } from './types';
import type { ReplayDeclaration } from '../../model/schema';
import { toDurationString, toMs, type DurationString } from '../../model/duration';
import { RETENTION_MARGIN_MS, TOMBSTONE_RETENTION_MARGIN_MS } from '../../model/limits';
import type { Environment } from '../../model/schema';
import { validateTopicConfig } from '../../model/topic-config-keys';

/** Where the value a topic has for a key comes from, as far as the inputs tell. */
export type ValueBasis =
  /** A topic config an input listed (an override, or with kafka-topics alone possibly an inherited broker setting). */
  | 'topic'
  /** A broker-level value an input showed (kafka-configs, or a kafka-topics value kafka-configs says is not an override). */
  | 'broker'
  /** No input shows a value: Kafka's own default (kafka-topics and kafka-configs --all would have listed another). */
  | 'kafka-default';

export interface EffectiveValue {
  readonly value: string;
  readonly basis: ValueBasis;
}

/**
 * The value the broker applies for `key` on this topic: its listed config, a broker-level value an input showed, or
 * Kafka's own default. Never the environment's values: an environment says what new topics get, not what a cluster
 * built before it has (a topic with no min.insync.replicas override runs with the broker's, not the environment's).
 */
export function effectiveValue(topic: SnapshotTopic, key: string): EffectiveValue | undefined {
  const own = topic.overrides[key];
  if (own !== undefined) return { value: own, basis: 'topic' };
  const broker = topic.brokerValues[key];
  if (broker !== undefined) return { value: broker, basis: 'broker' };
  const kafka = kafkaTopicDefault(key);
  return kafka === undefined ? undefined : { value: kafka, basis: 'kafka-default' };
}

/** The environment's replay-window scaling (model/schema/environment.ts `scaling`), read defensively. */
function windowScaling(env: Environment): { readonly factor: number; readonly minimumMs: number } {
  const scaling = (env as { scaling?: { replayWindow?: unknown; minimumWindow?: unknown } }).scaling;
  const factor = typeof scaling?.replayWindow === 'number' ? scaling.replayWindow : 1;
  const minimum = typeof scaling?.minimumWindow === 'string' && /^\d+(ms|s|m|h|d)$/.test(scaling.minimumWindow) ? toMs(scaling.minimumWindow) : 0;
  return { factor, minimumMs: minimum };
}

/** A declared window whose scaled value (as resolve computes it) is exactly `targetMs`, if there is one. */
function windowFor(targetMs: number, env: Environment): number | undefined {
  if (!Number.isSafeInteger(targetMs) || targetMs <= 0) return undefined;
  const { factor, minimumMs } = windowScaling(env);
  if (factor >= 1) return targetMs;
  const scaled = (w: number): number => Math.max(minimumMs, Math.round(w * factor));
  if (targetMs === minimumMs) return targetMs;
  const guess = Math.round(targetMs / factor);
  return [guess, guess - 1, guess + 1, guess - 2, guess + 2].find((w) => w > 0 && scaled(w) === targetMs);
}

function isWholeNumber(value: string | undefined): boolean {
  return value !== undefined && /^-?\d+$/.test(value) && Number.isSafeInteger(Number(value));
}

/** Kafka's defaults for the retention keys (model/kafka-defaults.ts). */
const KAFKA_RETENTION_MS = KAFKA_TOPIC_DEFAULTS['retention.ms'];
const KAFKA_DELETE_RETENTION_MS = KAFKA_TOPIC_DEFAULTS['delete.retention.ms'];

export type EventTopicPlan = { readonly topic: PlannedTopic } | { readonly reason: string };

export function planEventTopic(t: SnapshotTopic, domain: string, event: string, env: Environment, topicName?: string): EventTopicPlan {
  if (t.hiddenKeys.length > 0) return { reason: `the value of ${t.hiddenKeys.join(', ')} is hidden (sensitive), so the override cannot be kept` };
  const rest: Record<string, string> = { ...t.overrides };
  const config: Record<string, string> = {};
  const notes: string[] = [];
  const take = (key: string): string | undefined => {
    const value = rest[key];
    delete rest[key];
    return value;
  };
  const inherited: Record<ValueBasis, string[]> = { topic: [], broker: [], 'kafka-default': [] };
  /** A derived key's value: the topic's own, else what the broker applies (one note lists those, and where from). */
  const valueOf = (key: string): string | undefined => {
    const own = take(key);
    if (own !== undefined) return own;
    const effective = effectiveValue(t, key);
    if (effective !== undefined) inherited[effective.basis].push(`${key}=${effective.value}`);
    return effective?.value;
  };

  // cleanup.policy → the replay kind
  const policyValue = valueOf('cleanup.policy') ?? 'delete';
  const policy = policyValue
    .split(',')
    .map((p) => p.trim())
    .sort()
    .join(',');
  if (policy !== 'delete' && policy !== 'compact' && policy !== 'compact,delete') {
    return { reason: `cleanup.policy=${policyValue}: a replay window derives "delete", a full replay "compact", and one whose keys expire "compact,delete"` };
  }

  // min.insync.replicas → replication.minInsyncReplicas
  const minIsrValue = valueOf('min.insync.replicas') ?? '1';
  const minIsr = Number(minIsrValue);
  if (!Number.isSafeInteger(minIsr) || minIsr < 1) return { reason: `min.insync.replicas=${minIsrValue} is not a whole number ≥ 1` };

  // retention.bytes → retentionBytes (positive only; -1 and 0 cannot be declared and are left to the broker)
  const retentionBytesOverride = take('retention.bytes');
  const retentionBytes = isWholeNumber(retentionBytesOverride) && Number(retentionBytesOverride) > 0 ? Number(retentionBytesOverride) : undefined;
  if (retentionBytesOverride !== undefined && retentionBytes === undefined) {
    notes.push(`retention.bytes=${retentionBytesOverride} on the cluster cannot be declared (retentionBytes is a positive cap); the override is dropped`);
  }

  let replay: ReplayDeclaration;
  if (policy === 'delete') {
    const retention = valueOf('retention.ms') ?? KAFKA_RETENTION_MS;
    if (!isWholeNumber(retention)) return { reason: `retention.ms=${retention} is not a whole number` };
    const ms = Number(retention);
    const window = windowFor(ms - RETENTION_MARGIN_MS, env);
    if (ms === -1) {
      config['retention.ms'] = '-1';
      replay = { kind: 'window', window: '7d' };
      notes.push('retention.ms=-1 (unlimited) is kept explicitly; the replay window 7d is a placeholder: state the window consumers need');
    } else if (window !== undefined) {
      replay = { kind: 'window', window: toDurationString(window) };
      notes.push(`retention.ms ${ms} = replay window + margin ${toDurationString(RETENTION_MARGIN_MS)} (imported groups state no tolerated lag)`);
    } else {
      config['retention.ms'] = retention;
      replay = { kind: 'window', window: toDurationString(Math.max(1, ms)) };
      notes.push(`retention.ms ${ms} is shorter than the ${toDurationString(RETENTION_MARGIN_MS)} margin a derived retention adds, so it is kept explicitly`);
    }
  } else {
    let expireAfter: DurationString | undefined;
    if (policy === 'compact,delete') {
      // Keys expire: retention.ms = expireAfter + margin (imported groups state no lag), solved like a window.
      const retention = valueOf('retention.ms') ?? KAFKA_RETENTION_MS;
      if (!isWholeNumber(retention) || Number(retention) < 1) {
        return { reason: `retention.ms=${retention} on a compact,delete topic is not a positive whole number` };
      }
      const ms = Number(retention);
      const expiry = windowFor(ms - RETENTION_MARGIN_MS, env);
      if (expiry !== undefined) {
        expireAfter = toDurationString(expiry);
        notes.push(`cleanup.policy=compact,delete: retention.ms ${ms} = keys expire after ${expireAfter} + margin ${toDurationString(RETENTION_MARGIN_MS)}`);
      } else {
        config['retention.ms'] = retention;
        expireAfter = toDurationString(ms);
        notes.push(
          `cleanup.policy=compact,delete: retention.ms ${ms} is shorter than the ${toDurationString(RETENTION_MARGIN_MS)} margin a derived retention adds, so it is kept explicitly`,
        );
      }
    } else {
      const retentionOnCompacted = take('retention.ms');
      if (retentionOnCompacted !== undefined) {
        // Compaction alone ignores it; kept as it is so adopting changes nothing (resolve warns about it).
        config['retention.ms'] = retentionOnCompacted;
        notes.push(
          `retention.ms=${retentionOnCompacted} on the cluster has no effect on a compacted topic; kept so adopting changes nothing (remove it after adoption)`,
        );
      }
    }
    const tombstones = valueOf('delete.retention.ms') ?? KAFKA_DELETE_RETENTION_MS;
    if (!isWholeNumber(tombstones) || Number(tombstones) < 0) return { reason: `delete.retention.ms=${tombstones} is not a whole number ≥ 0` };
    const ms = Number(tombstones);
    const reindex = ms - TOMBSTONE_RETENTION_MARGIN_MS;
    const withExpiry = expireAfter === undefined ? {} : { expireAfter };
    if (reindex > 0) {
      replay = { kind: 'full', longestReindex: toDurationString(reindex), ...withExpiry };
      notes.push(`delete.retention.ms ${ms} = longest reindex + margin ${toDurationString(TOMBSTONE_RETENTION_MARGIN_MS)}`);
    } else {
      config['delete.retention.ms'] = tombstones;
      replay = { kind: 'full', longestReindex: toDurationString(Math.max(1, Math.floor(ms / 2))), ...withExpiry };
      notes.push(
        `delete.retention.ms ${ms} is not above the ${toDurationString(TOMBSTONE_RETENTION_MARGIN_MS)} margin a derived value adds, so it is kept explicitly; the longest reindex is a placeholder`,
      );
    }
  }

  const fromBroker = [
    ...(inherited.broker.length > 0 ? [`${inherited.broker.sort().join(', ')} (the brokers' settings)`] : []),
    ...(inherited['kafka-default'].length > 0
      ? [
          `${inherited['kafka-default'].sort().join(', ')} (Kafka's defaults: ${t.configSource === 'none' ? "assumed, no input lists this topic's configs" : 'no input lists another value'})`,
        ]
      : []),
  ];
  if (fromBroker.length > 0) {
    notes.unshift(`inherited, no topic override: ${fromBroker.join('; ')}. Declared as they are, and left to the broker (adopted/<env>.json brokerDefaults)`);
  }
  for (const [key, value] of Object.entries(rest).sort(([a], [b]) => (a < b ? -1 : 1))) config[key] = value;
  const problems = validateTopicConfig(config, { vendorKeys: env.vendorConfigKeys }).filter((i) => (i.severity ?? 'error') === 'error');
  if (problems.length > 0) {
    return {
      reason: `its configs cannot be declared: ${problems.map((p) => `${p.path}: ${p.message}${p.hint === undefined ? '' : ` (${p.hint})`}`).join('; ')}`,
    };
  }
  const maybeBroker = t.mayBeBrokerLevel.filter((k) => config[k] !== undefined);
  if (maybeBroker.length > 0) {
    notes.push(
      `${maybeBroker.join(', ')}: kept as listed by kafka-topics --describe, which also lists inherited broker settings; any of them may be one rather than a topic override (kafka-configs --describe tells)`,
    );
  }

  return {
    topic: {
      domain,
      event,
      name: t.name,
      ...(topicName === undefined ? {} : { topicName }),
      eventTypes: [pascalCase(event) || 'Event'],
      partitions: t.partitions,
      ...(t.replicationFactor === env.replicationFactor ? {} : { replicationFactor: t.replicationFactor }),
      ...(minIsr === env.minInsyncReplicas ? {} : { minInsyncReplicas: minIsr }),
      replay,
      ...(retentionBytes === undefined ? {} : { retentionBytes }),
      config,
      suppressions: [],
      notes,
      origin: t.origin,
    },
  };
}
