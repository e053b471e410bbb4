/**
 * confluentVariables: the Terraform variables a Confluent Cloud stack declares. The provider's settings (its index page,
 * "Option #2": kafka_id, kafka_rest_endpoint, kafka_api_key, kafka_api_secret, cloud_api_key, cloud_api_secret) as
 * `confluent_<attribute>` with `secrets: 'variables'`; the cluster's RBAC CRN and id (confluent_role_binding's
 * `${rbac_crn}/kafka=${id}/…`) with `access: 'role-bindings'`.
 */
import { describe, expect, it } from 'vitest';
import { confluentVariables } from '../../../model/confluent/provider-settings';

const SETTINGS = [
  'confluent_cloud_api_key',
  'confluent_cloud_api_secret',
  'confluent_kafka_api_key',
  'confluent_kafka_api_secret',
  'confluent_kafka_id',
  'confluent_kafka_rest_endpoint',
];

describe('confluentVariables', () => {
  it('declares none when the provider reads its own environment and access is by ACLs', () => {
    expect(confluentVariables({ secrets: 'environment', access: 'acls' })).toEqual([]);
  });

  it('declares the six settings, sorted, with secrets from variables', () => {
    expect(confluentVariables({ secrets: 'variables', access: 'acls' })).toEqual(SETTINGS);
  });

  it('declares the RBAC CRN and cluster id with role bindings', () => {
    expect(confluentVariables({ secrets: 'environment', access: 'role-bindings' })).toEqual(['confluent_kafka_id', 'confluent_kafka_rbac_crn']);
  });

  it('declares confluent_kafka_id once when both need it, the list sorted', () => {
    expect(confluentVariables({ secrets: 'variables', access: 'role-bindings' })).toEqual([
      'confluent_cloud_api_key',
      'confluent_cloud_api_secret',
      'confluent_kafka_api_key',
      'confluent_kafka_api_secret',
      'confluent_kafka_id',
      'confluent_kafka_rbac_crn',
      'confluent_kafka_rest_endpoint',
    ]);
  });
});
