/**
 * The config an adopted topic is rendered with (model/adopted-config.ts): what `topicform import` recorded as coming
 * from the broker is left out of the topic's Terraform config only while the declaration resolves to the same value,
 * so adopting writes nothing for it and a later change to the declaration is written. No model test reached this
 * function (mutation testing: no coverage); the synth and importer tests use it only through whole stacks.
 */
import { describe, expect, it } from 'vitest';

import { renderedTopicConfig } from '../../model/adopted-config';

describe('renderedTopicConfig', () => {
  const declared = { 'retention.ms': '604800000', 'cleanup.policy': 'delete', 'min.insync.replicas': '2' };

  it('keeps every declared key, sorted by key, when nothing came from the broker', () => {
    const rendered = renderedTopicConfig(declared);
    expect(rendered).toEqual(declared);
    expect(Object.keys(rendered)).toEqual(['cleanup.policy', 'min.insync.replicas', 'retention.ms']);
  });

  it('leaves out a key the broker applies with the value the declaration resolves to', () => {
    expect(renderedTopicConfig(declared, { 'min.insync.replicas': '2', 'cleanup.policy': 'delete' })).toEqual({ 'retention.ms': '604800000' });
  });

  it('writes a key whose declared value differs from the broker-level one, so the change reaches the cluster', () => {
    expect(renderedTopicConfig(declared, { 'min.insync.replicas': '1' })).toEqual(declared);
  });

  it('ignores broker-level keys the declaration does not have, and does not change its input', () => {
    const input = { 'segment.ms': '1', 'compression.type': 'zstd' };
    expect(renderedTopicConfig(input, { 'max.message.bytes': '1048588' })).toEqual({ 'compression.type': 'zstd', 'segment.ms': '1' });
    expect(Object.keys(input)).toEqual(['segment.ms', 'compression.type']);
  });

  it('sorts by code unit, as every rendered config is (a capital before a lower-case letter, a shorter prefix first)', () => {
    expect(Object.keys(renderedTopicConfig({ b: '1', a: '1', B: '1', ab: '1', a1: '1' }))).toEqual(['B', 'a', 'a1', 'ab', 'b']);
  });

  it('gives the same result whatever the order of the input keys', () => {
    const keys = ['x.c', 'x.a', 'x.b', 'y'];
    const forward = renderedTopicConfig(Object.fromEntries(keys.map((k) => [k, k])));
    const backward = renderedTopicConfig(Object.fromEntries([...keys].reverse().map((k) => [k, k])));
    expect(JSON.stringify(forward)).toBe(JSON.stringify(backward));
    expect(Object.keys(forward)).toEqual(['x.a', 'x.b', 'x.c', 'y']);
  });
});
