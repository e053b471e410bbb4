// @ts-check
'use strict';
// The double's "Kafka cluster": one JSON file named by env KAFKA_DOUBLE_STATE, one per test, so that tests can seed
// it before terraform runs and inspect it afterwards. Every handler reads and writes it synchronously: terraform
// sends up to 10 RPCs at once, and synchronous read-modify-write cannot interleave on Node's event loop.
// Format (README.md in this folder documents it for test authors):
//   {
//     "topics": { "<name>": { "partitions": 3, "replication_factor": 2, "config": { "retention.ms": "86400000" } } },
//     "acls": [ { "acl_principal": "User:a", "acl_host": "*", "acl_operation": "Read", "acl_permission_type": "Allow",
//                 "resource_type": "Topic", "resource_name": "orders", "resource_pattern_type_filter": "Literal" } ],
//     "quotas": [ { "entity_type": "client-id", "entity_name": "app" | null, "config": { "producer_byte_rate": 1024 } } ],
//     "scram_users": [ { "username": "alice", "scram_mechanism": "SCRAM-SHA-256", "scram_iterations": 4096 } ]
//   }
// A missing file is an empty cluster. Passwords are never written: a broker cannot give them back either.
const fs = require('node:fs');
const path = require('node:path');

/**
 * @typedef {{ partitions: number, replication_factor: number, config: Record<string, string> }} Topic
 * @typedef {{ acl_principal: string, acl_host: string, acl_operation: string, acl_permission_type: string,
 *             resource_type: string, resource_name: string, resource_pattern_type_filter: string }} Acl
 * @typedef {{ entity_type: string, entity_name: string | null, config: Record<string, number> }} Quota
 * @typedef {{ username: string, scram_mechanism: string, scram_iterations: number }} ScramUser
 * @typedef {{ topics: Record<string, Topic>, acls: Acl[], quotas: Quota[], scram_users: ScramUser[] }} Cluster
 */

const CLUSTER_ENV = 'KAFKA_DOUBLE_STATE';

/** @returns {string} */
function clusterPath() {
  const file = process.env[CLUSTER_ENV];
  if (!file) {
    throw new Error(`${CLUSTER_ENV} is not set: the Kafka provider double keeps its cluster in the JSON file that variable names`);
  }
  return path.resolve(file);
}

/**
 * The last cluster read or written, and the file's identity then (inode, size, modification and change times in
 * nanoseconds). Only a double terraform started itself (managed mode) keeps it: that process lives for one terraform
 * command, during which nothing but the double writes the file, and re-reading the whole file for every resource
 * terraform refreshes made a plan's reads quadratic in the cluster's size (bench/terraform-cost.ts measures plans of
 * 5,000 resources). A long-lived reattached double re-reads every time: a test may edit the file between commands.
 * @type {{ key: string, cluster: Cluster } | undefined}
 */
let cached;
let caching = false;

/** Lets this process keep the cluster it read until the file changes (managed mode only; see `cached`). */
function cacheCluster() {
  caching = true;
}

/** @param {string} file */
function fileKey(file) {
  const stat = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  return stat === undefined ? `${file}:missing` : `${file}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/** The cluster; callers only read it (updateCluster is the way to change it). @returns {Cluster} */
function readCluster() {
  const file = clusterPath();
  const key = caching ? fileKey(file) : '';
  if (caching && cached?.key === key) return cached.cluster;
  /** @type {Partial<Cluster>} */
  let parsed = {};
  if (fs.existsSync(file)) {
    const text = fs.readFileSync(file, 'utf8');
    if (text.trim() !== '') parsed = JSON.parse(text);
  }
  const cluster = { topics: parsed.topics ?? {}, acls: parsed.acls ?? [], quotas: parsed.quotas ?? [], scram_users: parsed.scram_users ?? [] };
  if (caching) cached = { key, cluster };
  return cluster;
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. @param {Cluster} cluster */
function writeCluster(cluster) {
  const file = clusterPath();
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(cluster, null, 2) + '\n');
  fs.renameSync(temporary, file);
  if (caching) cached = { key: fileKey(file), cluster };
}

/**
 * Reads the cluster, lets `change` edit it, writes it back, and returns what `change` returned.
 * @template T
 * @param {(cluster: Cluster) => T} change
 * @returns {T}
 */
function updateCluster(change) {
  // A copy: a change that throws halfway must not leave its half in the cached cluster.
  const cluster = caching ? globalThis.structuredClone(readCluster()) : readCluster();
  const result = change(cluster);
  writeCluster(cluster);
  return result;
}

module.exports = { readCluster, writeCluster, updateCluster, cacheCluster, CLUSTER_ENV };
