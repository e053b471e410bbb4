/** The MSK IAM test domain (every client kind) on Confluent Cloud: each principal mapped to a service account. */
import type { EnvironmentInput } from '../../../model/schema';

export const SERVICE_ACCOUNTS: Readonly<Record<string, string>> = {
  'User:audit-service': 'sa-audit1',
  'User:ledger-service': 'sa-ledger1',
  'User:notification-service': 'sa-notif1',
  'User:order-service': 'sa-order1',
  'User:order-totals': 'sa-totals1',
  'User:payment-service': 'sa-pay1',
  'User:shop-cdc': 'sa-cdc1',
  'User:shop-connect': 'sa-connect1',
  'User:shop-sink': 'sa-sink1',
};

export const CONFLUENT: EnvironmentInput = {
  name: 'cloud',
  platform: 'confluent-cloud',
  production: false,
  replicationFactor: 3,
  minInsyncReplicas: 2,
  confluent: { serviceAccounts: { ...SERVICE_ACCOUNTS } },
};

export const withConfluent = (confluent: NonNullable<EnvironmentInput['confluent']>, extra: Partial<EnvironmentInput> = {}): EnvironmentInput => ({
  ...CONFLUENT,
  ...extra,
  confluent: { serviceAccounts: { ...SERVICE_ACCOUNTS }, ...confluent },
});
