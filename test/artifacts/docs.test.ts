/**
 * docs/artifacts.md shows what the generators produce for the examples today (the graph of prod, the payment
 * service's consumer config), so docs and code cannot drift.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { environmentFlow } from '../../artifacts/graph/draw';
import { exampleTopologies, exampleTopology } from './fixtures';

const DOC = readFileSync(join(resolve(__dirname, '..', '..'), 'docs', 'artifacts.md'), 'utf8');

describe('docs/artifacts.md (client configs, graph, catalog and runbooks)', () => {
  it('is the artifacts page', () => {
    expect(DOC.startsWith('# Client configs, graph, catalog and runbooks\n')).toBe(true);
  });

  it('shows the current graph of the examples (prod)', () => {
    const block = /```mermaid\n([\s\S]*?)```/.exec(DOC)?.[1];
    expect(block).toBe(environmentFlow(exampleTopology('prod')));
  });

  it('quotes the generated payment-service consumer config', () => {
    const generated = generateArtifacts(exampleTopologies()).get('clients/prod/payment-service/consumer.orders.payment.properties') ?? '';
    const block = /```properties\n([\s\S]*?)```/.exec(DOC)?.[1] ?? '';
    const lines = block.split('\n').filter((l) => l !== '' && l !== '# …');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(generated.split('\n')).toContain(line);
  });

  it("quotes the generated runbook's section of orders.payment: its checks and its topic line", () => {
    const generated = generateArtifacts(exampleTopologies()).get('docs/prod/runbooks/orders.md') ?? '';
    const block = /```markdown\n([\s\S]*?)```/.exec(DOC)?.[1] ?? '';
    const lines = block.split('\n').filter((l) => l !== '');
    expect(lines.length).toBe(6);
    for (const line of lines) expect(generated.split('\n')).toContain(line);
  });

  it('docs/graphs-runbooks-terminal.md shows the current graph of the examples (prod)', () => {
    const page = readFileSync(join(resolve(__dirname, '..', '..'), 'docs', 'graphs-runbooks-terminal.md'), 'utf8');
    expect(/```mermaid\n([\s\S]*?)```/.exec(page)?.[1]).toBe(environmentFlow(exampleTopology('prod')));
  });
});
