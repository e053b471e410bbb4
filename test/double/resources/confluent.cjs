// @ts-check
'use strict';
// The confluentinc/confluent resources topicform renders (provider-schema/confluentinc-confluent.NOTES.md), after the
// provider's resource pages:
// - confluent_kafka_topic: id `<cluster id>/<topic name>` (also the import id); topic_name → replace; partitions_count
//   increase in place, decrease → replace; config optional + computed (a topic created without it reads `{}` here; the
//   real provider reads server defaults back, which is why the import note asks to list them).
// - confluent_kafka_acl: every attribute replaces; id and import id `<cluster id>/<type>#<name>#<pattern>#<principal>#
//   <host>#<operation>#<permission>`; accepted values as the page lists them; CLUSTER needs resource_name kafka-cluster.
// - confluent_role_binding: principal, role_name and crn_pattern replace; id `rb-…`; import by id.
// - confluent_service_account: display_name replaces, description updates; id `sa-…`, api_version `iam/v2`, kind
//   `ServiceAccount`.
// Topics and ACLs need the cluster id (provider kafka_id or KAFKA_ID); role bindings and service accounts need the
// Cloud API key.
const { createHash } = require('node:crypto');
const { error, DiagnosticsError } = require('../diagnostics.cjs');
const { UNKNOWN, isUnknown } = require('../msgpack-values.cjs');
const { planChange } = require('./plan.cjs');
const { intAtLeast, isSet } = require('./validators.cjs');
const { kafkaId, requireCloudKey, readCloud, updateCloud } = require('./confluent-provider.cjs');

/** @typedef {import('./plan.cjs').State} State */

/** Runs `body`; a plain Error becomes an error diagnostic, as the provider reports API failures. @template T @param {() => T} body @returns {T} */
function asDiagnostics(body) {
  try {
    return body();
  } catch (cause) {
    if (cause instanceof DiagnosticsError || !(cause instanceof Error)) throw cause;
    throw new DiagnosticsError([error(cause.message)]);
  }
}

const shortId = (/** @type {string} */ prefix, /** @type {string} */ seed) => `${prefix}-${createHash('sha256').update(seed).digest('hex').slice(0, 6)}`;

/** @param {State} config @param {string} name @param {readonly string[]} values */
function oneOf(config, name, values) {
  const value = config[name];
  if (!isSet(value) || values.includes(value)) return [];
  return [error(`expected ${name} to be one of [${values.map((v) => `"${v}"`).join(' ')}], got ${value}`, { path: [name] })];
}

// ---------------------------------------------------------------------------------------------------------------
// confluent_kafka_topic

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

const topic = {
  typeName: 'confluent_kafka_topic',
  /** @param {State} config */
  validate(config) {
    const name = config.topic_name;
    const bad =
      typeof name === 'string' && !TOPIC_NAME.test(name)
        ? [
            error(
              `invalid value for topic_name (the topic name can be up to 249 characters in length, and can include the following characters: a-z, A-Z, 0-9, . (dot), _ (underscore), and - (dash))`,
              { path: ['topic_name'] },
            ),
          ]
        : [];
    return [...bad, ...intAtLeast(config, 'partitions_count', 1)];
  },
  /** @param {import('./plan.cjs').PlanRequest} request */
  plan(request) {
    const plan = planChange('confluent_kafka_topic', request, {
      forceNew: ['topic_name'],
      replaceWhen: (prior, planned) =>
        isSet(planned.partitions_count) && isSet(prior.partitions_count) && planned.partitions_count < prior.partitions_count ? ['partitions_count'] : [],
    });
    if (plan.planned !== null && request.prior === null && !isSet(request.config?.config) && !isUnknown(request.config?.config)) plan.planned.config = UNKNOWN;
    return plan;
  },
  /** @param {{ prior: State | null, planned: State | null }} request */
  apply({ prior, planned }) {
    return asDiagnostics(() => {
      if (planned === null) {
        updateCloud((cloud) => delete cloud.topics[prior?.id]);
        return null;
      }
      const id = `${kafkaId()}/${planned.topic_name}`;
      const config = isSet(planned.config) ? { ...planned.config } : {};
      updateCloud((cloud) => {
        if (prior === null && cloud.topics[id]) {
          throw new Error(`error creating Kafka Topic "${planned.topic_name}": 400 Bad Request: Topic '${planned.topic_name}' already exists.`);
        }
        cloud.topics[id] = { partitions_count: planned.partitions_count ?? 6, config };
      });
      return { ...planned, id, config };
    });
  },
  /** @param {State} state */
  read(state) {
    const found = readCloud().topics[state.id];
    if (!found) return null;
    const name = String(state.id).slice(String(state.id).indexOf('/') + 1);
    return {
      ...state,
      topic_name: name,
      partitions_count: state.partitions_count === null && found.partitions_count === 6 ? null : found.partitions_count,
      config: found.config,
    };
  },
  /** @param {string} id */
  importState(id) {
    if (!/^[^/]+\/.+$/.test(id)) throw new DiagnosticsError([error(`invalid format for kafka topic import: expected '<Kafka cluster ID>/<Kafka topic name>'`)]);
    return { id };
  },
};

// ---------------------------------------------------------------------------------------------------------------
// confluent_kafka_acl

const ACL_ENUMS = /** @type {const} */ ([
  ['resource_type', ['TOPIC', 'GROUP', 'CLUSTER', 'TRANSACTIONAL_ID', 'DELEGATION_TOKEN']],
  ['pattern_type', ['LITERAL', 'PREFIXED']],
  ['operation', ['ALL', 'READ', 'WRITE', 'CREATE', 'DELETE', 'ALTER', 'DESCRIBE', 'CLUSTER_ACTION', 'DESCRIBE_CONFIGS', 'ALTER_CONFIGS', 'IDEMPOTENT_WRITE']],
  ['permission', ['DENY', 'ALLOW']],
]);
const ACL_ID_PARTS = ['resource_type', 'resource_name', 'pattern_type', 'principal', 'host', 'operation', 'permission'];

const acl = {
  typeName: 'confluent_kafka_acl',
  /** @param {State} config */
  validate(config) {
    const diagnostics = ACL_ENUMS.flatMap(([name, values]) => oneOf(config, name, values));
    if (config.resource_type === 'CLUSTER' && isSet(config.resource_name) && config.resource_name !== 'kafka-cluster') {
      diagnostics.push(error('resource_name must be "kafka-cluster" if resource_type equals to "CLUSTER"', { path: ['resource_name'] }));
    }
    return diagnostics;
  },
  /** @param {import('./plan.cjs').PlanRequest} request */
  plan: (request) => planChange('confluent_kafka_acl', request, { forceNew: [...ACL_ID_PARTS, 'rest_endpoint'] }),
  /** @param {{ prior: State | null, planned: State | null }} request */
  apply({ prior, planned }) {
    return asDiagnostics(() => {
      if (planned === null) {
        updateCloud((cloud) => void (cloud.acls = cloud.acls.filter((a) => a !== prior?.id)));
        return null;
      }
      const id = `${kafkaId()}/${ACL_ID_PARTS.map((p) => planned[p]).join('#')}`;
      updateCloud((cloud) => {
        if (!cloud.acls.includes(id)) cloud.acls.push(id);
      });
      return { ...planned, id };
    });
  },
  /** @param {State} state */
  read: (state) => (readCloud().acls.includes(state.id) ? state : null),
  /** @param {string} id */
  importState(id) {
    const slash = id.indexOf('/');
    const parts = id.slice(slash + 1).split('#');
    if (slash < 1 || parts.length !== ACL_ID_PARTS.length) {
      throw new DiagnosticsError([
        error(
          `invalid format for kafka ACL import: expected '<Kafka cluster ID>/<resource type>#<resource name>#<pattern type>#<principal>#<host>#<operation>#<permission>'`,
        ),
      ]);
    }
    return { id, ...Object.fromEntries(ACL_ID_PARTS.map((p, i) => [p, parts[i]])) };
  },
};

// ---------------------------------------------------------------------------------------------------------------
// confluent_role_binding

const roleBinding = {
  typeName: 'confluent_role_binding',
  /** @param {State} config */
  validate(config) {
    const crn = config.crn_pattern;
    return typeof crn === 'string' && !crn.startsWith('crn://')
      ? [error(`expected crn_pattern to start with "crn://", got ${crn}`, { path: ['crn_pattern'] })]
      : [];
  },
  /** @param {import('./plan.cjs').PlanRequest} request */
  plan: (request) => planChange('confluent_role_binding', request, { forceNew: ['principal', 'role_name', 'crn_pattern'] }),
  /** @param {{ prior: State | null, planned: State | null }} request */
  apply({ prior, planned }) {
    return asDiagnostics(() => {
      requireCloudKey();
      if (planned === null) {
        updateCloud((cloud) => delete cloud.role_bindings[prior?.id]);
        return null;
      }
      const id = prior?.id ?? shortId('rb', `${planned.principal}|${planned.role_name}|${planned.crn_pattern}`);
      updateCloud((cloud) => void (cloud.role_bindings[id] = { principal: planned.principal, role_name: planned.role_name, crn_pattern: planned.crn_pattern }));
      return { ...planned, id };
    });
  },
  /** @param {State} state */
  read(state) {
    const found = readCloud().role_bindings[state.id];
    return found ? { ...state, ...found } : null;
  },
  /** @param {string} id */
  importState: (id) => ({ id }),
};

// ---------------------------------------------------------------------------------------------------------------
// confluent_service_account

const serviceAccount = {
  typeName: 'confluent_service_account',
  validate: () => [],
  /** @param {import('./plan.cjs').PlanRequest} request */
  plan(request) {
    const plan = planChange('confluent_service_account', request, { forceNew: ['display_name'] });
    if (plan.planned !== null && (request.prior === null || plan.requiresReplace.length > 0)) {
      plan.planned.api_version = UNKNOWN;
      plan.planned.kind = UNKNOWN;
    }
    return plan;
  },
  /** @param {{ prior: State | null, planned: State | null }} request */
  apply({ prior, planned }) {
    return asDiagnostics(() => {
      requireCloudKey();
      if (planned === null) {
        updateCloud((cloud) => delete cloud.service_accounts[prior?.id]);
        return null;
      }
      const id = prior?.id ?? shortId('sa', String(planned.display_name));
      updateCloud((cloud) => {
        if (prior === null && Object.values(cloud.service_accounts).some((a) => a.display_name === planned.display_name)) {
          throw new Error(`error creating Service Account "${planned.display_name}": 409 Conflict: Service name is already in use.`);
        }
        cloud.service_accounts[id] = { display_name: planned.display_name, description: planned.description ?? null };
      });
      return { ...planned, id, api_version: 'iam/v2', kind: 'ServiceAccount' };
    });
  },
  /** @param {State} state */
  read(state) {
    const found = readCloud().service_accounts[state.id];
    return found ? { ...state, ...found } : null;
  },
  /** @param {string} id */
  importState: (id) => ({ id }),
};

const confluentTypes = [topic, acl, roleBinding, serviceAccount];

module.exports = { confluentTypes };
