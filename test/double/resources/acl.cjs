// @ts-check
'use strict';
// kafka_acl (schema version 1), as provider-schema/NOTES.md describes v0.13.1:
// - no Update: every attribute is ForceNew, so any change is a replacement.
// - id and import id: principal|host|operation|permission|resource type|resource name|pattern type (7 parts).
// - resource_pattern_type_filter has SDKv2 Default "Literal". Strict mode plans null when it is not configured,
//   stores "Literal" in the cluster and in the id, and treats null and "Literal" as the same value, so leaving it out
//   never causes a replacement (README.md, "Strict mode").
// - enum values: the real provider only finds a bad value at apply (string -> sarama conversion, "Unknown operation:
//   Reed"); the double reports the same message at validate, with the attribute path, so a typo fails early.
// - MigrateState v0 -> v1 adds resource_pattern_type_filter = "Literal".
const { updateCluster, readCluster } = require('../cluster.cjs');
const { error, DiagnosticsError } = require('../diagnostics.cjs');
const { planChange } = require('./plan.cjs');
const { isSet } = require('./validators.cjs');

/** @typedef {import('./plan.cjs').State} State @typedef {import('../cluster.cjs').Acl} Acl */

const typeName = 'kafka_acl';
const DEFAULT_PATTERN = 'Literal';

/** The id's parts in order; also the attributes of an ACL in the cluster file. */
const ID_PARTS = /** @type {const} */ ([
  'acl_principal',
  'acl_host',
  'acl_operation',
  'acl_permission_type',
  'resource_type',
  'resource_name',
  'resource_pattern_type_filter',
]);

/** Values the provider's string -> sarama conversions accept, and the words of its error for any other value. */
const ENUMS = [
  { name: 'resource_type', what: 'resource type', values: ['Unknown', 'Any', 'Topic', 'Group', 'Cluster', 'TransactionalID', 'DelegationToken'] },
  {
    name: 'acl_operation',
    what: 'operation',
    values: [
      'Unknown',
      'Any',
      'All',
      'Read',
      'Write',
      'Create',
      'Delete',
      'Alter',
      'Describe',
      'ClusterAction',
      'DescribeConfigs',
      'AlterConfigs',
      'IdempotentWrite',
    ],
  },
  { name: 'acl_permission_type', what: 'permission type', values: ['Unknown', 'Any', 'Deny', 'Allow'] },
  { name: 'resource_pattern_type_filter', what: 'pattern type filter', values: ['Literal', 'Prefixed', 'Any', 'Match'], quoted: true },
];

/** @param {State} config */
function validate(config) {
  return ENUMS.flatMap(({ name, what, values, quoted }) => {
    const value = config[name];
    if (!isSet(value) || values.includes(value)) return [];
    return [
      error(`Unknown ${what}: ${quoted ? `'${value}'` : value}`, { detail: `${name} must be one of: ${values.join(', ')} (case-sensitive).`, path: [name] }),
    ];
  });
}

/** @param {unknown} a @param {unknown} b */
const samePattern = (a, b) => (a ?? DEFAULT_PATTERN) === (b ?? DEFAULT_PATTERN);

/** @param {import('./plan.cjs').PlanRequest} request */
function plan(request) {
  return planChange(typeName, request, { forceNew: [...ID_PARTS], equivalent: { resource_pattern_type_filter: samePattern } });
}

/** @param {State} state @returns {Acl} */
function aclOf(state) {
  const acl = /** @type {Acl} */ (Object.fromEntries(ID_PARTS.map((name) => [name, state[name]])));
  acl.resource_pattern_type_filter = state.resource_pattern_type_filter ?? DEFAULT_PATTERN;
  return acl;
}

/** @param {Acl} acl */
const aclId = (acl) => ID_PARTS.map((name) => acl[name]).join('|');

/** @param {Acl} a @param {Acl} b */
const sameAcl = (a, b) => aclId(a) === aclId(b);

/** @param {{ prior: State | null, planned: State | null }} request @returns {State | null} */
function apply({ prior, planned }) {
  if (planned === null) {
    const gone = aclOf(/** @type {State} */ (prior));
    updateCluster((cluster) => {
      cluster.acls = cluster.acls.filter((acl) => !sameAcl(acl, gone));
    });
    return null;
  }
  const acl = aclOf(planned);
  if (prior === null) {
    // A broker reports filter-only values (Any, Match, Unknown) as an invalid request at create time.
    const filterOnly = ENUMS.map(({ name }) => name).filter((name) => ['Any', 'Match', 'Unknown'].includes(acl[/** @type {keyof Acl} */ (name)]));
    if (filterOnly.length > 0) {
      throw new DiagnosticsError([
        error(`kafka server: The request attempted to perform an operation on an invalid resource (${filterOnly.join(', ')} cannot be used to create an ACL)`),
      ]);
    }
    // CreateAcls is idempotent on a broker: an ACL that already exists is not an error.
    updateCluster((cluster) => {
      if (!cluster.acls.some((existing) => sameAcl(existing, acl))) cluster.acls.push(acl);
    });
  }
  // An in-place "update" can only be null <-> "Literal" on the pattern (see samePattern): nothing changes on the broker.
  return { ...planned, id: aclId(acl) };
}

/** @param {State} state */
function read(state) {
  const wanted = aclOf(state);
  return readCluster().acls.some((acl) => sameAcl(acl, wanted)) ? { ...state, id: aclId(wanted) } : null;
}

/** @param {string} id */
function importState(id) {
  const parts = id.split('|');
  if (parts.length !== ID_PARTS.length) {
    throw new DiagnosticsError([
      error(`failed importing resource; expected format is ${ID_PARTS.join('|')} - got ${parts.length} segments instead of ${ID_PARTS.length}`),
    ]);
  }
  return { id, ...Object.fromEntries(ID_PARTS.map((name, index) => [name, parts[index]])) };
}

/** MigrateState v0 -> v1. @param {number} version @param {State} state */
function upgrade(version, state) {
  return version < 1 ? { ...state, resource_pattern_type_filter: state.resource_pattern_type_filter ?? DEFAULT_PATTERN } : state;
}

module.exports = { typeName, validate, plan, apply, read, importState, upgrade };
