/**
 * Every Mermaid diagram in the docs (ARCHITECTURE.md's data path, the graph in docs/artifacts.md, …) parses with
 * Mermaid's own parser, so GitHub renders it rather than an error box. Mermaid 11 is ESM-only and needs a DOM
 * (test/artifacts/graph.test.ts does the same).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { JSDOM } from 'jsdom';
import type { Mermaid } from 'mermaid';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const FILES = [
  'README.md',
  'ARCHITECTURE.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f)),
];

const diagrams = FILES.flatMap((file) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m, i): [string, string] => [`${file} #${i + 1}`, m[1] ?? '']),
);

let mermaid: Mermaid;

beforeAll(async () => {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  Object.assign(globalThis, { window: dom.window, document: dom.window.document });
  mermaid = (await import('mermaid')).default;
  mermaid.initialize({ startOnLoad: false });
});

describe('the Mermaid diagrams of the docs', () => {
  it('include the data path of ARCHITECTURE.md', () => {
    expect(diagrams.map(([name]) => name)).toContain('ARCHITECTURE.md #1');
  });

  it.each(diagrams)('%s parses', async (_, text) => {
    await expect(mermaid.parse(text)).resolves.toBeTruthy();
  });
});
