// @ts-check
'use strict';
// kafka_quota (schema version 0), as provider-schema/NOTES.md describes v0.13.1:
// - no Update: every attribute is ForceNew.
// - entity_type is validated with StringInSlice(client-id, user, ip).
// - id: entity_name|entity_type, or entity-default|entity_type for the default quota of an entity type.
// - no Importer at all (the docs' import example does not work): ImportResourceState fails like SDKv2 does.
const { updateCluster, readCluster } = require('../cluster.cjs');
const { error, DiagnosticsError } = require('../diagnostics.cjs');
const { planChange } = require('./plan.cjs');
const { stringInSlice } = require('./validators.cjs');

/** @typedef {import('./plan.cjs').State} State @typedef {import('../cluster.cjs').Quota} Quota */

const typeName = 'kafka_quota';
const ENTITY_TYPES = ['client-id', 'user', 'ip'];

/** @param {State} config */
const validate = (config) => stringInSlice(config, 'entity_type', ENTITY_TYPES);

/** @param {import('./plan.cjs').PlanRequest} request */
const plan = (request) => planChange(typeName, request, { forceNew: ['entity_name', 'entity_type', 'config'] });

/** @param {{ entity_type: string, entity_name: string | null }} quota */
const quotaId = (quota) => `${quota.entity_name ?? 'entity-default'}|${quota.entity_type}`;

/** @param {Quota} a @param {{ entity_type: string, entity_name: string | null }} b */
const sameEntity = (a, b) => a.entity_type === b.entity_type && (a.entity_name ?? null) === (b.entity_name ?? null);

/** @param {{ prior: State | null, planned: State | null }} request @returns {State | null} */
function apply({ prior, planned }) {
  const target = /** @type {State} */ (planned ?? prior);
  const entity = { entity_type: target.entity_type, entity_name: target.entity_name ?? null };
  updateCluster((cluster) => {
    cluster.quotas = cluster.quotas.filter((quota) => !sameEntity(quota, entity));
    // AlterClientQuotas upserts, so creating over an existing quota is not an error.
    if (planned !== null) cluster.quotas.push({ ...entity, config: { ...(planned.config ?? {}) } });
  });
  return planned === null ? null : { ...planned, id: quotaId(entity) };
}

/** @param {State} state */
function read(state) {
  const quota = readCluster().quotas.find((q) => sameEntity(q, { entity_type: state.entity_type, entity_name: state.entity_name ?? null }));
  if (!quota) return null;
  const config = Object.keys(quota.config).length === 0 && state.config === null ? null : { ...quota.config };
  return { ...state, config };
}

/** SDKv2's answer for a resource without an Importer. @returns {never} */
function importState() {
  throw new DiagnosticsError([error(`resource ${typeName} doesn't support import`)]);
}

module.exports = { typeName, validate, plan, apply, read, importState };
