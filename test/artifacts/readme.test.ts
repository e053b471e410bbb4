/**
 * The README's section on client configs and the graph shows what the generators produce for the examples today, so
 * docs and code cannot drift. The section lives in README.md (and, until it is pasted there, docs/artifacts-section.md).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { environmentFlow } from '../../artifacts/graph/draw';
import { exampleTopologies, exampleTopology } from './fixtures';

const ROOT = resolve(__dirname, '..', '..');
const HEADING = '## Client configs, graph, catalog and runbooks';

/** The section (from its heading to the next H2) in each file that has it. */
function sections(): Array<[string, string]> {
  return ['README.md', join('docs', 'artifacts-section.md')].flatMap((file): Array<[string, string]> => {
    const path = join(ROOT, file);
    if (!existsSync(path)) return [];
    const text = readFileSync(path, 'utf8');
    const start = text.indexOf(HEADING);
    if (start < 0) return [];
    const next = text.indexOf('\n## ', start + HEADING.length);
    return [[file, text.slice(start, next < 0 ? undefined : next)]];
  });
}

describe('the README section on client configs, graph, catalog and runbooks', () => {
  const found = sections();

  it('exists', () => {
    expect(found.map(([file]) => file).length).toBeGreaterThan(0);
  });

  it.each(found)('%s shows the current graph of the examples (prod)', (_, section) => {
    const block = /```mermaid\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBe(environmentFlow(exampleTopology('prod')));
  });

  it('docs/graphs-runbooks-terminal.md shows the current graph of the examples (prod)', () => {
    const page = readFileSync(join(ROOT, 'docs', 'graphs-runbooks-terminal.md'), 'utf8');
    expect(/```mermaid\n([\s\S]*?)```/.exec(page)?.[1]).toBe(environmentFlow(exampleTopology('prod')));
  });

  it.each(found)('%s quotes the generated payment-service consumer config', (_, section) => {
    const generated = generateArtifacts(exampleTopologies()).get('clients/prod/payment-service/consumer.orders.payment.properties') ?? '';
    const block = /```properties\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
    const lines = block.split('\n').filter((l) => l !== '' && l !== '# …');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(generated.split('\n')).toContain(line);
  });
});
