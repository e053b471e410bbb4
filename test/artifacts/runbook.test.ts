import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { formatMs, toMs } from '../../model/duration';
import type { Topology } from '../../model/topology';
import { edgeCaseTopology, exampleTopologies } from './fixtures';

const topologies: readonly Topology[] = [...exampleTopologies(), edgeCaseTopology()];
const files = generateArtifacts(topologies);
const cases = topologies.flatMap((t) => t.consumerGroups.map((g) => [`${t.environment.name}/${g.groupId}`, t, g] as const));

function commands(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('kafka-consumer-groups.sh'));
}

describe('replay runbooks', () => {
  it.each(cases)('%s: resets offsets of exactly the group and its topics, each --dry-run before --execute', (_, topology, group) => {
    const text = files.get(`docs/${topology.environment.name}/runbooks/${group.groupId}.md`) ?? '';
    const resets = commands(text).filter((c) => c.includes('--reset-offsets'));
    for (const c of commands(text)) expect(c).toContain(`--group ${group.groupId}`);
    for (const s of group.subscriptions) {
      for (const how of ['--to-earliest', '--to-datetime "$REPLAY_FROM"', '--shift-by "-$MESSAGES"']) {
        const scoped = resets.filter((c) => c.includes(`--topic ${s.topicName} `) && c.includes(how));
        expect(scoped.map((c) => (c.endsWith('--dry-run') ? 'dry-run' : c.endsWith('--execute') ? 'execute' : c)), `${s.topicName} ${how}`).toEqual(['dry-run', 'execute']);
        expect(scoped[1]?.replace(/--execute$/, '--dry-run')).toBe(scoped[0]);
      }
      if (s.deadLetterTopic !== null) {
        expect(text).toContain(`--topic ${s.deadLetterTopic} --reset-offsets --to-datetime "$REDRIVE_FROM" --dry-run`);
        expect(text.indexOf(`--topic ${s.deadLetterTopic} --reset-offsets --to-datetime "$REDRIVE_FROM" --dry-run`)).toBeLessThan(
          text.indexOf(`--topic ${s.deadLetterTopic} --reset-offsets --to-datetime "$REDRIVE_FROM" --execute`),
        );
        expect(text).toContain(`kafka-console-consumer.sh --bootstrap-server "$BOOTSTRAP" --consumer.config "$OPERATOR_CONFIG" --topic ${s.deadLetterTopic}`);
      }
    }
    // Every --execute has its --dry-run on the line before.
    const lines = text.split('\n').map((l) => l.trim());
    lines.forEach((line, i) => {
      if (line.endsWith('--execute')) expect(lines[i - 1]).toBe(line.replace(/--execute$/, '--dry-run'));
    });
    expect(resets.some((c) => c.includes('--from-file'))).toBe(true);
  });

  it.each(cases)('%s: fills the replay preconditions from the declarations', (_, topology, group) => {
    const text = files.get(`docs/${topology.environment.name}/runbooks/${group.groupId}.md`) ?? '';
    expect(text).toContain(group.idempotency === null ? '- [ ] **Idempotence**: not declared' : `- [x] **Idempotence**: ${group.idempotency}`);
    expect(text).toContain('- [ ] **Deterministic processing**');
    expect(text).toContain('- [ ] **Controlled external side effects**');
    expect(text).toContain(group.offsetCommit.mode === 'manual' ? '- [x] **Offsets**' : '- [ ] **Offsets** are auto-committed');
    for (const s of group.subscriptions) {
      const topic = topology.topics.find((t) => t.kind === 'event' && t.name === s.topicName);
      if (topic?.kind !== 'event') throw new Error(`no event topic ${s.topicName}`);
      expect(text).toContain(`- [${topic.retentionBytes === null ? 'x' : ' '}] **Retention** of \`${topic.name}\``);
      expect(text).toContain(topic.replay.kind === 'window' ? `replay window ${formatMs(toMs(topic.replay.window))}` : `longest reindex ${formatMs(toMs(topic.replay.longestReindex))}`);
    }
  });

  it('says when a group has no dead-letter topic', () => {
    const text = files.get('docs/edge/runbooks/billing.audit.md') ?? '';
    expect(text).toContain('declares no dead-letter topic');
    expect(text).not.toContain('$REDRIVE_FROM');
  });
});
