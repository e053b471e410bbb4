/**
 * What an environment may set on each platform. Confluent Cloud runs its own brokers: the Mongey provider's auth
 * settings, SCRAM credentials and `kafka_quota` do not apply there, and every topic has three replicas.
 */
import type { Issue } from '../issues';
import type { Environment } from '../schema/environment';
import { CONFLUENT_CLOUD_REPLICATION_FACTOR } from '../schema/confluent';

/** `raw` is the environment as declared (before defaults), to tell a field set by hand from its default. */
export function checkPlatform(raw: unknown, env: Environment): Issue[] {
  const declared = (raw ?? {}) as Record<string, unknown>;
  const issues: Issue[] = [];
  if (env.platform !== 'confluent-cloud') {
    if (env.confluent !== undefined) {
      issues.push({
        path: 'confluent',
        code: 'confluent-settings-off-platform',
        message: `applies only to platform 'confluent-cloud', got platform '${env.platform}'`,
        hint: "remove confluent, or set platform: 'confluent-cloud'",
      });
    }
    return issues;
  }
  if (declared.auth !== undefined) {
    issues.push({
      path: 'auth',
      code: 'platform-setting-unsupported',
      message: "does not apply on platform 'confluent-cloud': terraform reaches Confluent Cloud through its REST API with API keys, not a Kafka SASL mechanism",
      hint: 'remove auth; confluent.secrets says where the API keys come from',
    });
  }
  if (env.scramCredentials !== undefined) {
    issues.push({
      path: 'scramCredentials',
      code: 'platform-setting-unsupported',
      message: "does not apply on platform 'confluent-cloud': Confluent Cloud clients authenticate with API keys of service accounts, not SCRAM",
      hint: 'remove scramCredentials',
    });
  }
  if (env.replicationFactor !== CONFLUENT_CLOUD_REPLICATION_FACTOR) {
    issues.push({
      path: 'replicationFactor',
      code: 'confluent-replication-factor',
      message: `must be ${CONFLUENT_CLOUD_REPLICATION_FACTOR} on platform 'confluent-cloud', got ${env.replicationFactor}: Confluent Cloud keeps three replicas of every topic and does not let a topic choose`,
    });
  }
  if (env.confluent?.createServiceAccounts === true && env.layout === 'domain') {
    issues.push({
      path: 'confluent.createServiceAccounts',
      code: 'confluent-created-accounts-layout',
      message: "needs layout 'environment': a service account created in one domain's stack cannot be named by another stack's grants",
      hint: "set layout: 'environment', or create the accounts elsewhere and list their ids in confluent.serviceAccounts",
    });
  }
  return issues;
}
