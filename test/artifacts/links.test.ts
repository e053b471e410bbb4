/**
 * Every relative link in the generated artifacts resolves: a Markdown link to a file the output holds (and, with a
 * `#fragment`, to a heading of that page), a Backstage Location target and a `$text` reference to a file beside it.
 * Pages move (a runbook per domain instead of per group), and a link from the catalog, the index or the portal that
 * still points at the old place would be a dead end for the reader.
 */
import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateArtifacts } from '../../artifacts';
import { headingAnchor } from '../../artifacts/markdown';
import type { Topology } from '../../model/topology';
import { edgeCaseTopology, exampleTopologies, generatedTopology } from './fixtures';

/** Relative link targets of one file: Markdown `](target)` in .md, `targets:` entries and `$text:` in YAML. */
function relativeLinks(path: string, text: string): string[] {
  const found = path.endsWith('.md')
    ? [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] ?? '')
    : path.endsWith('.yaml')
      ? [...text.matchAll(/^\s*(?:-|\$text:)\s+(\.{1,2}\/\S+)$/gm)].map((m) => m[1] ?? '')
      : [];
  return found.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#'));
}

/** The anchors GitHub gives a Markdown page's headings. */
function anchorsOf(text: string): Set<string> {
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => headingAnchor(m[1] ?? '')));
}

const outputs: ReadonlyArray<readonly [string, readonly Topology[]]> = [
  ['the examples', exampleTopologies()],
  ['the edge cases', [edgeCaseTopology()]],
  ['a generated topology of 60 topics', [generatedTopology(60, 4)]],
];

describe('links between the generated artifacts', () => {
  it.each(outputs)('every relative link in the output of %s points at a file, and a fragment at a heading, that exist', (_, topologies) => {
    const files = generateArtifacts(topologies);
    const anchors = new Map<string, Set<string>>();
    let checked = 0;
    const broken: string[] = [];
    for (const [path, text] of files) {
      for (const link of relativeLinks(path, text)) {
        const [file = '', fragment] = link.split('#');
        const target = file === '' ? path : posix.normalize(posix.join(posix.dirname(path), file));
        checked++;
        // A link ending in `/` is a folder (a service's client files, from the environment index): it holds a file.
        if (file.endsWith('/')) {
          if (![...files.keys()].some((f) => f.startsWith(target))) broken.push(`${path}: ${link} (no file in ${target})`);
          continue;
        }
        if (!files.has(target)) {
          broken.push(`${path}: ${link} (no file ${target})`);
          continue;
        }
        if (fragment !== undefined && target.endsWith('.md')) {
          let known = anchors.get(target);
          if (known === undefined) anchors.set(target, (known = anchorsOf(files.get(target) ?? '')));
          if (!known.has(fragment)) broken.push(`${path}: ${link} (no heading #${fragment} in ${target})`);
        }
      }
    }
    expect(broken.slice(0, 10)).toEqual([]);
    // The catalog links every group to its runbook section, so a page of links that is never checked cannot pass.
    expect(checked).toBeGreaterThan(topologies.reduce((n, t) => n + t.consumerGroups.length, 0));
  });

  it('finds a broken link: a runbook link to a page that is not written', () => {
    const files = generateArtifacts(exampleTopologies());
    const index = [...files].find(([p]) => p.endsWith('/index.md') && p !== 'docs/index.md');
    if (index === undefined) throw new Error('no environment index');
    const links = relativeLinks(index[0], index[1]).filter((l) => l.includes('runbooks/'));
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) {
      const target = posix.normalize(posix.join(posix.dirname(index[0]), l.split('#')[0] ?? ''));
      expect(files.has(target), target).toBe(true);
      expect(files.has(target.replace(/runbooks\/[^/]+\.md$/, 'runbooks/nowhere.md'))).toBe(false);
    }
  });
});
