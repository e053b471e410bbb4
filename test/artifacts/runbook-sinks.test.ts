/**
 * The sink-connector part of the replay runbooks (artifacts/runbook-sinks.ts): a section per sink connector on its
 * Connect cluster's domain page, with the replay-safety statements instead of unchecked boxes, and steps that are safe
 * to paste. As for consumer groups (runbook.test.ts), the shell blocks are run for real: the set-up blocks, the
 * connector's variable blocks, then every step's block for one Kafka Connect version, in order, in one bash, against
 * stand-ins for curl and the Kafka tools that record their arguments; the test then checks the REST calls (method, URL,
 * body) and the kafka-consumer-groups.sh calls that ran.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { RUNBOOK_LINE_WIDTH } from '../../artifacts/limits';
import { renderDomainRunbook } from '../../artifacts/runbook';
import { resolve } from '../../model/resolve';
import type { ResolvedConnector, Topology } from '../../model/topology';
import { DOCUMENT_SINK, INDEXING } from '../model/resolve/connect-fixtures';
import { DEV, SEED } from '../model/resolve/helpers';
import { exampleTopologies } from './fixtures';
import { pasteIntoBash } from '../helpers/paste';

const topologies = exampleTopologies();
const files = generateArtifacts(topologies);
const sinksOf = (t: Topology): ResolvedConnector[] => (t.connect?.connectors ?? []).filter((k) => k.type === 'sink');
const cases = topologies.flatMap((t) => sinksOf(t).map((k) => [`${t.environment.name}/${k.name}`, t, k] as const));
const CONNECT_URL = 'http://connect:8083';

/** The `sh` code blocks of a text, each with the paragraph before it (what says which Connect versions it is for). */
function labelledBlocks(text: string): { label: string; block: string }[] {
  const out: { label: string; block: string }[] = [];
  let label = '';
  for (const part of text.split(/^```sh\n([\s\S]*?)^```$/m).entries()) {
    const [i, chunk] = part;
    if (i % 2 === 1) out.push({ label, block: chunk });
    else {
      label =
        chunk
          .split('\n')
          .filter((l) => l.trim() !== '')
          .at(-1) ?? '';
    }
  }
  return out;
}

/** The sink steps of a page, the sink section of `k`, and the page's first block (the set-up every page starts with). */
function parts(text: string, k: ResolvedConnector): { setup: string; steps: string; section: string } {
  const stepsAt = text.indexOf('\n## Sink connectors: the steps\n');
  const sectionsAt = text.indexOf('\n## Sink connectors\n');
  const heading = `\n### Sink connector \`${k.name}\` on \`${k.cluster.groupId}\`\n`;
  const at = text.indexOf(heading);
  const next = text.indexOf('\n### ', at + heading.length);
  return {
    setup: labelledBlocks(text)[0]?.block ?? '',
    steps: stepsAt < 0 ? '' : text.slice(stepsAt, sectionsAt),
    section: at < 0 ? '' : text.slice(at, next < 0 ? undefined : next),
  };
}

const scratch = mkdtempSync(join(tmpdir(), 'topicform-sink-runbook-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Stand-ins, each recording its calls: kafka-consumer-groups.sh with --export prints two partitions of the topic it is
 * given (offsets 5 and 7) as the single-group CSV does; curl keeps a body it reads from stdin (`--data @-`) in
 * body-<n>.json.
 */
const TOOLS = {
  'kafka-consumer-groups.sh':
    'topic=all; export=no; prev=""\nfor a in "$@"; do [ "$prev" = --topic ] && topic="$a"; [ "$a" = --export ] && export=yes; prev="$a"; done\n' +
    'if [ "$export" = yes ]; then printf \'%s,0,5\\n%s,1,7\\n\' "$topic" "$topic"; fi\n',
  'kafka-get-offsets.sh': '',
  'kafka-console-consumer.sh': '',
  curl:
    'for a in "$@"; do if [ "$a" = @- ]; then n=$(ls "$(dirname "$CALLS")" | grep -c "^body-" || true); cat > "$(dirname "$CALLS")/body-$n.json"; fi; done\n' +
    'case " $* " in *" GET "*config*) printf \'{"connector.class":"x"}\' ;; esac\n',
};

interface Pasted {
  readonly calls: string[][];
  readonly bodies: unknown[];
}

function paste(blocks: readonly string[], name: string): Pasted {
  const { calls, dir } = pasteIntoBash(blocks, {
    scratch,
    name,
    tools: TOOLS,
    env: {
      BOOTSTRAP: 'broker:9092',
      CLIENT_CONFIG: 'client.properties',
      OPERATOR_CONFIG: 'operator.properties',
      CONNECT_URL,
      REPLAY_FROM: '2025-01-31T08:00:00.000Z',
      MESSAGES: '100',
    },
  });
  const bodies = readdirSync(dir)
    .filter((f) => f.startsWith('body-'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown);
  return { calls, bodies };
}

/** The blocks a person on Connect `version` pastes: the ones for every version, and those marked for theirs. */
function forVersion(steps: string, version: '3.6' | '3.4'): string[] {
  const [, ...rest] = labelledBlocks(steps); // the first block is the sinks' set-up, pasted by the caller
  const dlqAt = labelledBlocks(steps.slice(0, Math.max(0, steps.indexOf('### Dead letters')))).length;
  return rest
    .slice(0, (dlqAt > 0 ? dlqAt : rest.length + 1) - 1)
    .filter(({ label }) => {
      if (!label.startsWith('**Connect ')) return true;
      return version === '3.6' ? /^\*\*Connect 3\.[56] or later/.test(label) : /^\*\*Connect before 3\.[56]\*\*/.test(label);
    })
    .map((b) => b.block);
}

const curlCalls = (p: Pasted): string[] =>
  p.calls.filter((c) => c[0] === 'curl').map((c) => `${c[3] ?? ''} ${(c[6] ?? '').replace(CONNECT_URL, '')}${c.length > 7 ? ` ${c.slice(7).join(' ')}` : ''}`);
const groupCalls = (p: Pasted): string[] => p.calls.filter((c) => c[0] === 'kafka-consumer-groups.sh').map((c) => c.slice(1, -4).join(' '));
const patchBody = (topic: string): unknown => ({
  offsets: [
    { partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 5 } },
    { partition: { kafka_topic: topic, kafka_partition: 1 }, offset: { kafka_offset: 7 } },
  ],
});

describe('replay runbooks for sink connectors', () => {
  it('has sink connectors in the example to test (the search domain indexes documents)', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  it.each(cases)('%s: its section is on its Connect cluster domain page, with its facts and its replay-safety statements', (_, topology, k) => {
    const text = files.get(`docs/${topology.environment.name}/runbooks/${k.domain}.md`) ?? '';
    const { section } = parts(text, k);
    expect(section).not.toBe('');
    expect(section).toContain(`principal \`${k.principal}\``);
    expect(section).toContain(`as consumer group \`${k.groupId ?? ''}\``);
    expect(section).toContain(k.idempotency === null ? '- [ ] **Idempotence**' : `- [x] **Idempotence**: ${k.idempotency}`);
    const effects = k.replaySafety?.sideEffects;
    expect(section).toContain(k.replaySafety?.deterministic === true ? '- [x] **Deterministic processing**: declared' : '- [ ] **Deterministic processing**');
    if (effects?.control === 'guarded') expect(section).toContain(`- [x] **Controlled external side effects**: guarded by ${effects.by}`);
    for (const t of k.topics) expect(section).toContain(`\`\`\`sh\nTOPIC=${t.topicName}\n\`\`\``);
    expect(section).toContain(`\`\`\`sh\nCONNECTOR=${k.name}\n\`\`\``);
    expect(section).toContain(`\`\`\`sh\nGROUP=${k.groupId ?? ''}\n\`\`\``);
    if (k.deadLetter !== null) {
      expect(section).toContain(`Dead-letter topic \`${k.deadLetter.name}\` (\`errors.deadletterqueue.topic.name\`)`);
      expect(section).toContain(`\`\`\`sh\nDLQ=${k.deadLetter.name}\n\`\`\``);
    }
    for (const block of labelledBlocks(text).map((b) => b.block)) {
      for (const line of block.split('\n')) expect(line.length, line).toBeLessThanOrEqual(RUNBOOK_LINE_WIDTH);
    }
  });

  it.each(cases)(
    '%s, Connect 3.6+: pause, stop, dry runs exported, PATCH of the planned offsets (KIP-875), DELETE to reset, resume, roll back by PATCH',
    (name, topology, k) => {
      const text = files.get(`docs/${topology.environment.name}/runbooks/${k.domain}.md`) ?? '';
      const { setup, steps, section } = parts(text, k);
      const vars = labelledBlocks(section).map((b) => b.block);
      for (const t of k.topics) {
        const pick = (prefix: string) => vars.filter((b) => b.startsWith(prefix) && (prefix !== 'TOPIC=' || b.trim() === `TOPIC=${t.topicName}`));
        const pasted = paste(
          [setup, labelledBlocks(steps)[0]?.block ?? '', ...pick('CONNECTOR='), ...pick('GROUP='), ...pick('TOPIC='), ...forVersion(steps, '3.6')],
          `${name}-3.6`,
        );
        const c = `/connectors/${k.name}`;
        expect(curlCalls(pasted)).toEqual([
          `PUT ${c}/pause`,
          `PUT ${c}/stop`,
          `GET ${c}/status`,
          `PATCH ${c}/offsets --data @-`,
          `DELETE ${c}/offsets`,
          `PUT ${c}/resume`,
          `GET ${c}/status`,
          `PATCH ${c}/offsets --data @-`,
        ]);
        // Every REST call fails on an HTTP error and sends JSON.
        for (const call of pasted.calls.filter((x) => x[0] === 'curl')) {
          expect(call.slice(1, 6)).toEqual(['-fsS', '-X', call[3], '-H', 'Content-Type: application/json']);
        }
        const g = k.groupId ?? '';
        expect(groupCalls(pasted)).toEqual([
          `--describe --members --group ${g}`,
          `--reset-offsets --to-current --export --all-topics --group ${g} --dry-run`,
          `--reset-offsets --to-datetime 2025-01-31T08:00:00.000Z --group ${g} --topic ${t.topicName} --export --dry-run`,
          `--reset-offsets --shift-by -100 --group ${g} --topic ${t.topicName} --export --dry-run`,
          `--reset-offsets --to-earliest --group ${g} --topic ${t.topicName} --export --dry-run`,
          `--describe --group ${g}`,
        ]);
        // The PATCH bodies: the planned offsets of the last dry run, then the saved ones (all topics), in Connect's sink format.
        expect(pasted.bodies).toEqual([patchBody(t.topicName), patchBody('all')]);
      }
    },
  );

  it.each(cases)('%s, Connect before 3.5: pause, save the config, delete, reset the group with --execute, re-create it', (name, topology, k) => {
    const text = files.get(`docs/${topology.environment.name}/runbooks/${k.domain}.md`) ?? '';
    const { setup, steps, section } = parts(text, k);
    const vars = labelledBlocks(section)
      .map((b) => b.block)
      .filter((b) => !b.startsWith('DLQ='));
    const pasted = paste([setup, labelledBlocks(steps)[0]?.block ?? '', ...vars.slice(0, 3), ...forVersion(steps, '3.4')], `${name}-3.4`);
    const c = `/connectors/${k.name}`;
    expect(curlCalls(pasted)).toEqual([`PUT ${c}/pause`, `GET ${c}/config`, `DELETE ${c}`, `PUT ${c}/config --data @${k.name}.config.json`, `GET ${c}/status`]);
    const g = k.groupId ?? '';
    const executes = groupCalls(pasted).filter((x) => x.endsWith('--execute'));
    expect(executes).toEqual([
      `--reset-offsets --from-file ${g}.offsets-new.csv --group ${g} --execute`,
      `--reset-offsets --from-file ${g}.offsets-before.csv --group ${g} --execute`,
    ]);
    expect(pasted.bodies).toEqual([]);
  });

  it.each(cases)('%s: the dead-letter blocks inspect its DLQ with the operator credentials', (name, topology, k) => {
    if (k.deadLetter === null) return;
    const text = files.get(`docs/${topology.environment.name}/runbooks/${k.domain}.md`) ?? '';
    const { setup, steps, section } = parts(text, k);
    const dlq = labelledBlocks(section).find((b) => b.block.startsWith('DLQ='))?.block ?? '';
    const inspect = labelledBlocks(steps.slice(steps.indexOf('### Dead letters'))).map((b) => b.block);
    const pasted = paste([setup, dlq, ...inspect], `${name}-dlq`);
    expect(pasted.calls.map((c) => c.slice(0, 3))).toEqual([
      ['kafka-get-offsets.sh', '--topic', k.deadLetter.name],
      ['kafka-console-consumer.sh', '--topic', k.deadLetter.name],
    ]);
  });

  it('stops a pasted block when CONNECT_URL or CONNECTOR is not set', () => {
    const [, topology, k] = cases[0] ?? [];
    if (topology === undefined || k === undefined) throw new Error('no example sink connector');
    const { steps } = parts(files.get(`docs/${topology.environment.name}/runbooks/${k.domain}.md`) ?? '', k);
    const [sinkSetup, pause] = labelledBlocks(steps).map((b) => b.block);
    const noUrl = spawnSync('bash', ['-c', sinkSetup ?? ''], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(noUrl.status).not.toBe(0);
    expect(noUrl.stderr).toContain('set CONNECT_URL to the Connect REST URL');
    const noConnector = spawnSync('bash', ['-c', `kconnect() { echo ran; }\n${pause ?? ''}`], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(noConnector.status).not.toBe(0);
    expect(noConnector.stdout).toBe('');
    expect(noConnector.stderr).toContain('set CONNECTOR: paste it from the connector section');
  });
});

describe('a domain whose only readers are sink connectors', () => {
  function topologyWith(sink: typeof DOCUMENT_SINK): Topology {
    const result = resolve({ ...SEED, consumerGroups: [], connectClusters: [INDEXING], connectors: [sink] }, DEV);
    if (result.topology === null) throw new Error(result.issues.map((i) => i.message).join('\n'));
    return result.topology;
  }

  it('gets a page with the set-up and the sink part only, whose boxes stay unchecked without a replay-safety statement', () => {
    const topology = topologyWith(DOCUMENT_SINK);
    const text = renderDomainRunbook(topology, 'search') ?? '';
    expect(text).toContain('# Runbook: replay and re-drive for the sink connectors of domain `search` (dev)');
    expect(text).toContain('one sink connector.');
    expect(text).not.toContain('## Consumer groups');
    expect(text).not.toContain('## 1. Stop the group');
    expect(text).toContain('- [ ] **Deterministic processing**: not declared: confirm it.');
    expect(text).toContain('- [ ] **Controlled external side effects**: not declared: confirm them for `search-connect`.');
    // What the checks mean is on the page once, with the sink connectors' way of committing offsets and no group's.
    expect(text).toContain('- **Offsets**: committed by Connect after the connector has flushed the records to the external system');
    expect(text).not.toContain('committed manually');
    expect([...generateArtifacts([topology]).keys()]).toContain('docs/dev/runbooks/search.md');
  });

  it('says when a sink is declared not replay-safe, and when it has no dead-letter topic', () => {
    const sink = {
      ...DOCUMENT_SINK,
      deadLetter: false,
      replaySafety: { deterministic: false, sideEffects: { control: 'not-replay-safe' as const, reason: 'sends an e-mail per document' } },
    };
    const text = renderDomainRunbook(topologyWith(sink), 'search') ?? '';
    expect(text).toContain('- [ ] **Deterministic processing**: declared **not** deterministic');
    expect(text).toContain('- [ ] **Controlled external side effects**: declared **not replay-safe**: sends an e-mail per document.');
    expect(text).toContain('This connector declares no dead-letter topic');
    expect(text).not.toContain('### Dead letters');
  });
});
