// @ts-check
'use strict';
// Which provider this double process serves: the Mongey Kafka provider (default) or the hashicorp/aws subset MSK IAM
// policies need (`--provider=aws`, which the aws launcher of the filesystem mirror passes; or env
// TOPICFORM_DOUBLE_PROVIDER=aws). One go-plugin process serves one provider, so terraform starts (or is handed) one
// double per provider a stack requires.
const path = require('node:path');

const SCHEMA_DIR = path.resolve(__dirname, '../../provider-schema');

/** @typedef {{ name: 'kafka' | 'aws', address: string, version: string, schemaFile: string, label: string }} ServedProvider */

/** @type {Record<'kafka' | 'aws', ServedProvider>} */
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
};

/** @returns {ServedProvider} */
function servedProvider() {
  const flag = process.argv.find((a) => a.startsWith('--provider='))?.slice('--provider='.length);
  const name = flag ?? process.env.TOPICFORM_DOUBLE_PROVIDER ?? 'kafka';
  if (name !== 'kafka' && name !== 'aws') throw new Error(`the provider double serves kafka or aws, not ${name}`);
  return PROVIDERS[name];
}

const SERVED = servedProvider();

module.exports = { SERVED, PROVIDERS };
