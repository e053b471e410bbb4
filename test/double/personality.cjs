// @ts-check
'use strict';
// Which provider this double process plays: the Mongey Kafka provider (default), or, with
// TOPICFORM_DOUBLE_PROVIDER=confluent, the subset of confluentinc/confluent that topicform renders on platform
// confluent-cloud (provider-schema/confluentinc-confluent.NOTES.md). The harness's launcher sets it per provider.
const path = require('node:path');

const PERSONALITY_ENV = 'TOPICFORM_DOUBLE_PROVIDER';
const confluent = process.env[PERSONALITY_ENV] === 'confluent';

const PERSONALITY = confluent
  ? {
      name: 'confluent',
      address: 'registry.terraform.io/confluentinc/confluent',
      schemaFile: process.env.CONFLUENT_DOUBLE_SCHEMA ?? path.resolve(__dirname, '../../provider-schema/confluentinc-confluent.schema.json'),
    }
  : {
      name: 'kafka',
      address: 'registry.terraform.io/mongey/kafka',
      schemaFile: process.env.KAFKA_DOUBLE_SCHEMA ?? path.resolve(__dirname, '../../provider-schema/mongey-kafka.schema.json'),
    };

module.exports = { PERSONALITY, PERSONALITY_ENV };
