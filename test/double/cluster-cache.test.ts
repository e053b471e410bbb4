// The managed-mode double keeps the cluster it read until the file changes (cluster.cjs): a plan of thousands of
// resources must not re-read the whole file per resource, and nothing may go stale when someone else writes it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';

interface ClusterModule {
  readCluster(): { topics: Record<string, { partitions: number }> };
  updateCluster<T>(change: (cluster: { topics: Record<string, { partitions: number; replication_factor: number; config: Record<string, string> }> }) => T): T;
  cacheCluster(): void;
}
const cluster = createRequire(__filename)('./cluster.cjs') as ClusterModule;

const dir = mkdtempSync(join(tmpdir(), 'topicform-cluster-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
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
