/**
 * Step 2, checks of single declarations that their schema cannot make: config keys (against Kafka's table and the keys
 * topicform derives), a dead-letter shape's configs, and principal types the environment allows.
 */
import { prefixIssues, type Issue } from '../issues';
import type { ConsumerGroupDeclaration, Environment } from '../schema';
import { validateTopicConfig } from '../topic-config-keys';
import * as m from './messages';

/** Config keys the toolkit derives from declared fields; setting them in `config` would bypass the design rules. */
const FIELD_FOR_CONFIG_KEY: Readonly<Record<string, string>> = {
  'cleanup.policy': 'replay (or cleanupPolicy)',
  'min.insync.replicas': 'replication.minInsyncReplicas',
  'retention.bytes': 'retentionBytes',
};

/** A raw topic declaration's `config`: derived keys refused, the rest checked key by key. */
export function checkTopicConfig(raw: unknown, env: Environment): Issue[] {
  const config = typeof raw === 'object' && raw !== null ? (raw as { config?: unknown }).config : undefined;
  if (typeof config !== 'object' || config === null || Object.values(config).some((v) => typeof v !== 'string')) return [];
  const record = config as Record<string, string>;
  const issues: Issue[] = Object.keys(record)
    .sort()
    .flatMap((key) => {
      const field = FIELD_FOR_CONFIG_KEY[key];
      return field === undefined ? [] : [m.derivedConfigKey(key, field)];
    });
  return [...issues, ...validateTopicConfig(withoutDerivedKeys(record), { vendorKeys: env.vendorConfigKeys })];
}

/** A declared config without the keys topicform derives (those were reported by checkTopicConfig). */
export function withoutDerivedKeys(config: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(config).filter(([k]) => FIELD_FOR_CONFIG_KEY[k] === undefined));
}

/** A declared dead-letter shape's configs (derived keys refused, the rest checked like a topic's) and retry partitions. */
export function checkCompanionShape(g: ConsumerGroupDeclaration, env: Environment): Issue[] {
  const issues: Issue[] = [];
  if (g.retryPartitions !== undefined && g.retries.length === 0) issues.push(m.retryPartitionsWithoutRetries(`${g.domain}.${g.name}`));
  if (typeof g.deadLetter === 'object') {
    const config = g.deadLetter.config;
    for (const key of Object.keys(config).sort()) {
      const why = m.DEAD_LETTER_DERIVED_KEYS[key];
      if (why !== undefined) issues.push(m.derivedDeadLetterConfigKey(key, why));
    }
    const rest = Object.fromEntries(Object.entries(config).filter(([k]) => m.DEAD_LETTER_DERIVED_KEYS[k] === undefined));
    issues.push(...prefixIssues('deadLetter', validateTopicConfig(rest, { vendorKeys: env.vendorConfigKeys })));
  }
  return issues;
}

/** Apache Kafka's authorizer matches only `User:` principals unless the brokers run a custom principal builder. */
export function checkPrincipalType(principal: string, env: Environment): Issue[] {
  const type = principal.slice(0, principal.indexOf(':'));
  if (env.principalTypes.includes(type)) return [];
  return [m.principalTypeNotAllowed(principal, type, env.name, env.principalTypes)];
}
