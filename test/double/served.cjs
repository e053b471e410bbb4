// @ts-check
'use strict';
// Which provider this double process serves: the Mongey Kafka provider (default), the hashicorp/aws subset MSK IAM
// policies need, or the confluentinc/confluent subset platform confluent-cloud renders
// (provider-schema/confluentinc-confluent.NOTES.md): `--provider=aws|confluent`, which the launchers of the filesystem
// mirror pass, or env TOPICFORM_DOUBLE_PROVIDER. One go-plugin process serves one provider, so terraform starts (or is
// handed) one double per provider a stack requires.
const path = require('node:path');

const SCHEMA_DIR = path.resolve(__dirname, '../../provider-schema');

/** @typedef {'kafka' | 'aws' | 'confluent'} ServedName */
/** @typedef {{ name: ServedName, address: string, version: string, schemaFile: string, label: string }} ServedProvider */

/** @type {Record<ServedName, ServedProvider>} */
const PROVIDERS = {
  kafka: {
    name: 'kafka',
    address: 'registry.terraform.io/mongey/kafka',
    version: '0.13.1',
    schemaFile: process.env.KAFKA_DOUBLE_SCHEMA ?? path.join(SCHEMA_DIR, 'mongey-kafka.schema.json'),
    label: 'Kafka provider double',
  },
  aws: {
    name: 'aws',
    address: 'registry.terraform.io/hashicorp/aws',
    version: '6.0.0',
    schemaFile: path.join(SCHEMA_DIR, 'hashicorp-aws.schema.json'),
    label: 'AWS provider double',
  },
  confluent: {
    name: 'confluent',
    address: 'registry.terraform.io/confluentinc/confluent',
    // The version of the provider's examples the vendored schema was written from (its NOTES.md).
    version: '2.83.0',
    schemaFile: process.env.CONFLUENT_DOUBLE_SCHEMA ?? path.join(SCHEMA_DIR, 'confluentinc-confluent.schema.json'),
    label: 'Confluent provider double',
  },
};

/** @returns {ServedProvider} */
function servedProvider() {
  const flag = process.argv.find((a) => a.startsWith('--provider='))?.slice('--provider='.length);
  const name = flag ?? process.env.TOPICFORM_DOUBLE_PROVIDER ?? 'kafka';
  if (name !== 'kafka' && name !== 'aws' && name !== 'confluent') throw new Error(`the provider double serves kafka, aws or confluent, not ${name}`);
  return PROVIDERS[name];
}

const SERVED = servedProvider();

module.exports = { SERVED, PROVIDERS };
