// @ts-check
'use strict';
// Data sources kafka_topic (one topic by name) and kafka_topics (every topic), read from the cluster file.
const { readCluster } = require('../cluster.cjs');
const { error, DiagnosticsError } = require('../diagnostics.cjs');

/** @typedef {import('./plan.cjs').State} State */

/** @type {Record<string, (config: State) => State>} */
const readers = {
  kafka_topic(config) {
    const topic = readCluster().topics[config.name];
    if (!topic) throw new DiagnosticsError([error(`could not find topic '${config.name}'`, { path: ['name'] })]);
    return { id: config.name, name: config.name, partitions: topic.partitions, replication_factor: topic.replication_factor, config: { ...topic.config } };
  },
  kafka_topics() {
    const topics = readCluster().topics;
    const list = Object.keys(topics)
      .sort()
      .map((name) => {
        const topic = /** @type {import('../cluster.cjs').Topic} */ (topics[name]);
        return { topic_name: name, partitions: topic.partitions, replication_factor: topic.replication_factor, config: { ...topic.config } };
      });
    // The real data source sets the id to the number of topics.
    return { id: String(list.length), list };
  },
};

module.exports = { readers };
