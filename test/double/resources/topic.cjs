// @ts-check
'use strict';
// kafka_topic (schema version 0), as provider-schema/NOTES.md describes v0.13.1:
// - name is ForceNew; the id is the topic name, and import takes the topic name.
// - partitions: an increase is in place (CreatePartitions); a decrease forces replacement (CustomizeDiff ForceNew),
//   because Kafka cannot delete partitions. An unknown new count also forces it: SDKv2 reads an unknown int as 0.
// - replication_factor changes in place, as the real provider does against brokers >= 2.4
//   (AlterPartitionReassignments); the double does not model older brokers.
// - config changes in place (AlterConfigs with the whole map: a removed key goes back to the broker default).
// - creating a topic that already exists fails like the broker's TOPIC_ALREADY_EXISTS.
// - a topic missing from the cluster reads as gone (null), so terraform shows drift and plans a create.
const { updateCluster, readCluster } = require('../cluster.cjs');
const { error, DiagnosticsError } = require('../diagnostics.cjs');
const { isUnknown } = require('../msgpack-values.cjs');
const { planChange } = require('./plan.cjs');
const { intAtLeast } = require('./validators.cjs');

/** @typedef {import('./plan.cjs').State} State */

const typeName = 'kafka_topic';

/** @param {State} config */
function validate(config) {
  return [...intAtLeast(config, 'partitions', 1), ...intAtLeast(config, 'replication_factor', 1)];
}

/** @param {import('./plan.cjs').PlanRequest} request */
function plan(request) {
  return planChange(typeName, request, {
    forceNew: ['name'],
    replaceWhen: (prior, planned) => (isUnknown(planned.partitions) || planned.partitions < prior.partitions ? ['partitions'] : []),
  });
}

/**
 * The cluster keeps a missing config as {}; state keeps whichever of null and {} it had, so an unset config does
 * not drift. Read returns only what the cluster holds, like the real provider (non-default configs only).
 * @param {unknown} stateConfig @param {Record<string, string>} clusterConfig
 */
function configForState(stateConfig, clusterConfig) {
  return Object.keys(clusterConfig).length === 0 && (stateConfig === null || stateConfig === undefined) ? null : { ...clusterConfig };
}

/** @param {{ prior: State | null, planned: State | null }} request @returns {State | null} */
function apply({ prior, planned }) {
  if (planned === null) {
    const name = prior?.id ?? prior?.name;
    updateCluster((cluster) => delete cluster.topics[name]);
    return null;
  }
  const topic = { partitions: planned.partitions, replication_factor: planned.replication_factor, config: { ...(planned.config ?? {}) } };
  if (prior === null) {
    updateCluster((cluster) => {
      if (cluster.topics[planned.name]) {
        throw new DiagnosticsError([
          error(`kafka server: Topic with this name already exists - Topic '${planned.name}' already exists.`, {
            detail: `The cluster already has a topic named "${planned.name}". Import it (terraform import ${typeName}.<name> ${planned.name}) or choose another name.`,
          }),
        ]);
      }
      cluster.topics[planned.name] = topic;
    });
    return { ...planned, id: planned.name };
  }
  updateCluster((cluster) => {
    if (!cluster.topics[prior.id]) {
      throw new DiagnosticsError([error(`kafka: topic '${prior.id}' does not exist (it was deleted outside terraform)`)]);
    }
    cluster.topics[prior.id] = topic;
  });
  return { ...planned, id: planned.name };
}

/** The real Read looks the topic up by id (the name), which is all an imported state has. @param {State} state */
function read(state) {
  const topic = readCluster().topics[state.id];
  if (!topic) return null;
  return {
    ...state,
    name: state.id,
    partitions: topic.partitions,
    replication_factor: topic.replication_factor,
    config: configForState(state.config, topic.config ?? {}),
  };
}

/** ImportStatePassthroughContext: the id is the topic name; ReadResource fills in the rest. @param {string} id */
function importState(id) {
  return { id };
}

module.exports = { typeName, validate, plan, apply, read, importState };
