// docs/portals.md shows what synth writes for the examples: every line of its YAML excerpts is a line of the generated
// file it names, in order, so the page cannot drift from the generators.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { exampleTopologies } from './fixtures';

const DOC = readFileSync(join(__dirname, '..', '..', 'docs', 'portals.md'), 'utf8');

/** The ```yaml block that follows "From `<file>`". */
function excerpt(file: string): string[] {
  const start = DOC.indexOf(`From \`${file}\``);
  const block = /```yaml\n([\s\S]*?)```/.exec(DOC.slice(start))?.[1] ?? '';
  return block.split('\n').filter((l) => l !== '' && l.trim() !== '# …');
}

describe('docs/portals.md', () => {
  const files = generateArtifacts(exampleTopologies());

  it.each(['portal/orders/asyncapi.yaml', 'portal/orders/catalog-info.yaml'])('quotes %s as synth writes it', (file) => {
    const lines = excerpt(file);
    expect(lines.length).toBeGreaterThan(10);
    const generated = (files.get(file) ?? '').split('\n');
    let at = 0;
    for (const line of lines) {
      const found = generated.indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });

  it('names every portal file synth writes', () => {
    for (const path of ['portal/catalog-info.yaml', 'portal/<domain>/catalog-info.yaml', 'portal/<domain>/asyncapi.yaml']) {
      expect(DOC).toContain(`cdktf.out/${path}`);
    }
  });
});
