// @ts-check
'use strict';
// kafka_user_scram_credential (schema version 0), as provider-schema/NOTES.md describes v0.13.1:
// - username and scram_mechanism are ForceNew; scram_mechanism in SCRAM-SHA-256 / SCRAM-SHA-512.
// - scram_iterations: SDKv2 Default 4096 and IntAtLeast(4096). Strict mode plans null when unset and the cluster
//   records 4096; null and 4096 count as the same value.
// - password (sensitive) and password_wo (write-only, Terraform >= 1.11) conflict; CustomizeDiff wants one of them.
//   password_wo is never in planned or new state (terraform rejects that), and no password reaches the cluster file.
// - id and import id: username|scram_mechanism (or the legacy username|scram_mechanism|password).
const { updateCluster, readCluster } = require('../cluster.cjs');
const { error, DiagnosticsError } = require('../diagnostics.cjs');
const { planChange } = require('./plan.cjs');
const { conflictsWith, intAtLeast, stringInSlice, stringIsNotWhiteSpace } = require('./validators.cjs');

/** @typedef {import('./plan.cjs').State} State @typedef {import('../cluster.cjs').ScramUser} ScramUser */

const typeName = 'kafka_user_scram_credential';
const DEFAULT_ITERATIONS = 4096;

/** @param {State} config */
function validate(config) {
  return [
    ...stringInSlice(config, 'scram_mechanism', ['SCRAM-SHA-256', 'SCRAM-SHA-512']),
    ...intAtLeast(config, 'scram_iterations', DEFAULT_ITERATIONS),
    ...stringIsNotWhiteSpace(config, 'password'),
    ...stringIsNotWhiteSpace(config, 'password_wo'),
    ...conflictsWith(config, 'password', 'password_wo'),
    ...conflictsWith(config, 'password_wo', 'password'),
  ];
}

/** @param {import('./plan.cjs').PlanRequest} request */
function plan(request) {
  const { config } = request;
  // validatePasswordFields (CustomizeDiff); only when planning a resource that will exist.
  if (request.proposed !== null && config !== null && !config.password && !config.password_wo) {
    throw new DiagnosticsError([error("either 'password' or 'password_wo' must be specified")]);
  }
  return planChange(typeName, request, {
    forceNew: ['username', 'scram_mechanism'],
    equivalent: { scram_iterations: (a, b) => (a ?? DEFAULT_ITERATIONS) === (b ?? DEFAULT_ITERATIONS) },
  });
}

/** @param {State} state */
const userId = (state) => `${state.username}|${state.scram_mechanism}`;

/** @param {ScramUser} user @param {State} state */
const isUser = (user, state) => user.username === state.username && user.scram_mechanism === state.scram_mechanism;

/** @param {{ prior: State | null, planned: State | null }} request @returns {State | null} */
function apply({ prior, planned }) {
  const target = /** @type {State} */ (planned ?? prior);
  updateCluster((cluster) => {
    cluster.scram_users = cluster.scram_users.filter((user) => !isUser(user, target));
    // AlterUserScramCredentials upserts; the password itself is hashed by the broker and never readable again.
    if (planned !== null) {
      cluster.scram_users.push({
        username: planned.username,
        scram_mechanism: planned.scram_mechanism,
        scram_iterations: planned.scram_iterations ?? DEFAULT_ITERATIONS,
      });
    }
  });
  return planned === null ? null : { ...planned, id: userId(planned) };
}

/** Read refreshes only username, mechanism and iterations; a password cannot be read back. @param {State} state */
function read(state) {
  const user = readCluster().scram_users.find((u) => isUser(u, state));
  if (!user) return null;
  const keepNull = state.scram_iterations === null && user.scram_iterations === DEFAULT_ITERATIONS;
  return { ...state, scram_iterations: keepNull ? null : user.scram_iterations, password_wo: null };
}

/** @param {string} id */
function importState(id) {
  const parts = id.split('|');
  if (parts.length !== 2 && parts.length !== 3) {
    throw new DiagnosticsError([
      error(
        `failed importing resource; expected format is username|scram_mechanism (for write-only passwords) or username|scram_mechanism|password (legacy) - got ${parts.length} segments instead of 2 or 3`,
      ),
    ]);
  }
  return { id: `${parts[0]}|${parts[1]}`, username: parts[0], scram_mechanism: parts[1], password: parts[2] ?? null };
}

module.exports = { typeName, validate, plan, apply, read, importState };
