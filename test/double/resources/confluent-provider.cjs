// @ts-check
'use strict';
// The Confluent provider's configuration and the double's "Confluent Cloud": a JSON file named by env
// CONFLUENT_DOUBLE_STATE (one per test), read and written whole on every operation (stacks here are small).
//   { "topics": { "<cluster id>/<name>": { "partitions_count": 6, "config": { "retention.ms": "…" } } },
//     "acls": [ "<cluster id>/<type>#<name>#<pattern>#<principal>#<host>#<operation>#<permission>" ],
//     "role_bindings": { "rb-…": { "principal": "User:sa-…", "role_name": "DeveloperRead", "crn_pattern": "crn://…" } },
//     "service_accounts": { "sa-…": { "display_name": "…", "description": "…" } } }
// As the provider does ("Option #2" of its topic and ACL pages), settings come from the provider block or, when unset
// there, from KAFKA_ID, KAFKA_REST_ENDPOINT, KAFKA_API_KEY, KAFKA_API_SECRET, CONFLUENT_CLOUD_API_KEY and
// CONFLUENT_CLOUD_API_SECRET. Nothing connects anywhere, and no key or secret is ever written to the file.
const fs = require('node:fs');
const path = require('node:path');
const { error } = require('../diagnostics.cjs');
const { isUnknown } = require('../msgpack-values.cjs');

const STATE_ENV = 'CONFLUENT_DOUBLE_STATE';

/** @typedef {{ topics: Record<string, { partitions_count: number, config: Record<string, string> }>, acls: string[],
 *   role_bindings: Record<string, { principal: string, role_name: string, crn_pattern: string }>,
 *   service_accounts: Record<string, { display_name: string, description: string | null }> }} CloudState */

/** @type {Record<string, string | undefined>} what Configure was given, settings by attribute name (unknown as undefined) */
let settings = {};

const SETTING_ENV = {
  kafka_id: 'KAFKA_ID',
  kafka_rest_endpoint: 'KAFKA_REST_ENDPOINT',
  kafka_api_key: 'KAFKA_API_KEY',
  kafka_api_secret: 'KAFKA_API_SECRET',
  cloud_api_key: 'CONFLUENT_CLOUD_API_KEY',
  cloud_api_secret: 'CONFLUENT_CLOUD_API_SECRET',
};
const KAFKA_SETTINGS = ['kafka_id', 'kafka_rest_endpoint', 'kafka_api_key', 'kafka_api_secret'];

/** @param {Record<string, unknown>} config @returns {import('../diagnostics.cjs').Diagnostic[]} */
function configureConfluent(config) {
  settings = {};
  for (const [attribute, variable] of Object.entries(SETTING_ENV)) {
    const value = config[attribute];
    settings[attribute] = typeof value === 'string' && value !== '' ? value : isUnknown(value) ? undefined : process.env[variable] || undefined;
  }
  const diagnostics = [];
  const given = KAFKA_SETTINGS.filter((a) => settings[a] !== undefined);
  if (given.length > 0 && given.length < KAFKA_SETTINGS.length) {
    // The provider insists on all four or none ("Option #2" needs the whole set to reach one cluster).
    diagnostics.push(
      error(`All 4 kafka_api_key, kafka_api_secret, kafka_rest_endpoint, kafka_id attributes should be set or not set in the provider block at the same time`, {
        detail: `Missing: ${KAFKA_SETTINGS.filter((a) => settings[a] === undefined).join(', ')} (set them in the provider block or as ${KAFKA_SETTINGS.map((a) => SETTING_ENV[/** @type {keyof typeof SETTING_ENV} */ (a)]).join(', ')}).`,
      }),
    );
  }
  if (!process.env[STATE_ENV]) {
    diagnostics.push(error(`${STATE_ENV} is not set`, { detail: 'The Confluent provider double keeps its cloud in the JSON file that this variable names.' }));
  }
  return diagnostics;
}

/** The cluster id the Kafka resources act on: the provider's, since topicform never writes a kafka_cluster block. */
function kafkaId() {
  const id = settings.kafka_id;
  if (id === undefined) {
    throw new Error('the Kafka cluster id is not set: set kafka_id in the provider block or KAFKA_ID (or a kafka_cluster block on the resource)');
  }
  return id;
}

/** Service accounts and role bindings go through the Confluent Cloud API, which needs the Cloud API key. */
function requireCloudKey() {
  if (settings.cloud_api_key === undefined || settings.cloud_api_secret === undefined) {
    throw new Error('401 Unauthorized: set cloud_api_key and cloud_api_secret in the provider block or CONFLUENT_CLOUD_API_KEY / CONFLUENT_CLOUD_API_SECRET');
  }
}

/** @returns {CloudState} */
function readCloud() {
  const file = process.env[STATE_ENV];
  if (!file) throw new Error(`${STATE_ENV} is not set`);
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const parsed = text.trim() === '' ? {} : JSON.parse(text);
  return { topics: parsed.topics ?? {}, acls: parsed.acls ?? [], role_bindings: parsed.role_bindings ?? {}, service_accounts: parsed.service_accounts ?? {} };
}

/** @template T @param {(cloud: CloudState) => T} change @returns {T} */
function updateCloud(change) {
  const cloud = readCloud();
  const result = change(cloud);
  const file = path.resolve(/** @type {string} */ (process.env[STATE_ENV]));
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(cloud, null, 2) + '\n');
  fs.renameSync(temporary, file);
  return result;
}

module.exports = { configureConfluent, kafkaId, requireCloudKey, readCloud, updateCloud, STATE_ENV };
