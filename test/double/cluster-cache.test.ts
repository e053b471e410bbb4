// The managed-mode double keeps the cluster it read until the file changes (cluster.cjs): a plan of thousands of
// resources must not re-read the whole file per resource, and nothing may go stale when someone else writes it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

interface ClusterModule {
  readCluster(): { topics: Record<string, { partitions: number }> };
  updateCluster<T>(change: (cluster: { topics: Record<string, { partitions: number; replication_factor: number; config: Record<string, string> }> }) => T): T;
  cacheCluster(): void;
  flushCluster(): void;
}
const cluster = createRequire(__filename)('./cluster.cjs') as ClusterModule;

const dir = mkdtempSync(join(tmpdir(), 'topicform-cluster-cache-'));
afterAll(() => {
  // This process cached too: write what it holds before its folder goes, not at its exit.
  cluster.flushCluster();
  rmSync(dir, { recursive: true, force: true });
});
const file = join(dir, 'cluster.json');
const topics = (partitions: Record<string, number>): string =>
  JSON.stringify({ topics: Object.fromEntries(Object.entries(partitions).map(([n, p]) => [n, { partitions: p, replication_factor: 1, config: {} }])) });

it('reads the file again once anyone else changed it, and keeps what it wrote itself', () => {
  process.env.KAFKA_DOUBLE_STATE = file;
  cluster.cacheCluster();
  writeFileSync(file, topics({ a: 1 }));
  const first = cluster.readCluster();
  expect(cluster.readCluster()).toBe(first); // unchanged file: the same object, no re-read
  writeFileSync(file, topics({ a: 1, b: 22 }));
  expect(Object.keys(cluster.readCluster().topics)).toEqual(['a', 'b']);
  cluster.updateCluster((c) => void (c.topics.c = { partitions: 3, replication_factor: 1, config: {} }));
  expect(Object.keys(cluster.readCluster().topics)).toEqual(['a', 'b', 'c']);
  cluster.flushCluster();
  expect(Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { topics: object }).topics)).toEqual(['a', 'b', 'c']);
});

it('keeps nothing of a change that threw halfway', () => {
  process.env.KAFKA_DOUBLE_STATE = file;
  cluster.cacheCluster();
  writeFileSync(file, topics({ a: 1 }));
  expect(() =>
    cluster.updateCluster((c) => {
      c.topics.half = { partitions: 1, replication_factor: 1, config: {} };
      throw new Error('broker said no');
    }),
  ).toThrow('broker said no');
  expect(Object.keys(cluster.readCluster().topics)).toEqual(['a']);
});

it('writes behind in managed mode: the file is whole when the process exits, not rewritten per change', () => {
  const target = join(dir, 'behind.json');
  writeFileSync(target, topics({ a: 1 }));
  // A child process, as terraform starts the double: changes in memory, the file written at exit.
  const script = [
    `const cluster = require(${JSON.stringify(join(__dirname, 'cluster.cjs'))});`,
    'const fs = require("node:fs");',
    'cluster.cacheCluster();',
    'for (let i = 0; i < 200; i++) cluster.updateCluster((c) => { c.topics["t" + i] = { partitions: 1, replication_factor: 1, config: {} }; });',
    'const onDisk = Object.keys(JSON.parse(fs.readFileSync(process.env.KAFKA_DOUBLE_STATE, "utf8")).topics).length;',
    'const inMemory = Object.keys(cluster.readCluster().topics).length;',
    'process.stdout.write(JSON.stringify({ onDisk, inMemory }));',
  ].join('\n');
  const run = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, KAFKA_DOUBLE_STATE: target }, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  // 200 changes inside one second: none written yet, all of them visible to the double itself.
  expect(JSON.parse(run.stdout)).toEqual({ onDisk: 1, inMemory: 201 });
  const written = JSON.parse(readFileSync(target, 'utf8')) as { topics: Record<string, unknown> };
  expect(Object.keys(written.topics)).toHaveLength(201);
});
