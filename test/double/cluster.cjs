// @ts-check
'use strict';
// The double's "Kafka cluster": one JSON file named by env KAFKA_DOUBLE_STATE, one per test, so that tests can seed
// it before terraform runs and inspect it afterwards. Every handler reads and changes it synchronously: terraform
// sends up to 10 RPCs at once, and synchronous read-modify-write cannot interleave on Node's event loop. A double
// terraform started itself writes the file at most once a second and when it exits (WRITE_BEHIND_MS).
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
  if (!caching) process.on('exit', flushCluster);
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

/**
 * How long a managed double may keep changes in memory before it writes the file. Writing the whole cluster after
 * every resource made an apply quadratic in its size: measured here under load 15-18, each write of a 5,000-resource
 * cluster (1.5 MB) cost ~190 ms of wall time for ~18 ms of CPU (a new temporary file and a rename each time, on a disk
 * where creating a file slows down after many deletions; docs/performance.md), which alone would be ~8 minutes of a
 * 5,000-resource apply. A managed double lives for one terraform command and is the only writer meanwhile, so it
 * writes at most once per this interval and when it exits; the file is whole whenever terraform has finished.
 */
const WRITE_BEHIND_MS = 1000;

/** @type {ReturnType<typeof setTimeout> | undefined} */
let flushTimer;
let unwritten = false;

/** Writes through a temporary file and a rename, so a reader never sees half a file. @param {Cluster} cluster */
function writeFile(cluster) {
  const file = clusterPath();
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(cluster, null, 2) + '\n');
  fs.renameSync(temporary, file);
  return file;
}

/**
 * Stores the cluster: at once in a reattached double (a test may read the file between commands), within
 * WRITE_BEHIND_MS and at exit in a managed one (`flushCluster`). @param {Cluster} cluster
 */
function writeCluster(cluster) {
  if (!caching) {
    writeFile(cluster);
    return;
  }
  // The file on disk is unchanged until the flush: its key still says "nobody else wrote it" to readCluster.
  cached = { key: cached?.key ?? fileKey(clusterPath()), cluster };
  unwritten = true;
  if (flushTimer === undefined) {
    flushTimer = setTimeout(flushCluster, WRITE_BEHIND_MS);
    flushTimer.unref();
  }
}

/** Writes what a managed double still holds in memory; run at exit (registered by cacheCluster) and by its timer. */
function flushCluster() {
  if (flushTimer !== undefined) clearTimeout(flushTimer);
  flushTimer = undefined;
  if (!unwritten || cached === undefined) return;
  unwritten = false;
  const file = writeFile(cached.cluster);
  cached = { key: fileKey(file), cluster: cached.cluster };
}

/**
 * Reads the cluster, lets `change` edit it, writes it back, and returns what `change` returned. `change` adds,
 * replaces or removes whole entries; it never edits an entry in place (a managed double copies only the containers).
 * @template T
 * @param {(cluster: Cluster) => T} change
 * @returns {T}
 */
function updateCluster(change) {
  // A copy: a change that throws halfway must not leave its half in the cached cluster. Changes replace entries (a
  // topic, an ACL, a quota) and never edit one in place, so copying the four containers is enough; a deep clone of a
  // 5,000-resource cluster per change cost ~10 ms of CPU, quadratic over an apply.
  const current = readCluster();
  const cluster = caching
    ? { topics: { ...current.topics }, acls: [...current.acls], quotas: [...current.quotas], scram_users: [...current.scram_users] }
    : current;
  const result = change(cluster);
  writeCluster(cluster);
  return result;
}

module.exports = { readCluster, writeCluster, updateCluster, cacheCluster, flushCluster, CLUSTER_ENV };
