/**
 * The published package carries the pages its own pages link to: every relative link from a packaged Markdown file
 * (README.md, RULES.md, CHANGELOG.md, docs/**) to a Markdown page reaches a page the package also carries, so a user
 * reading node_modules/topicform offline never follows a link into nothing. Links to development-only pages (the
 * contributor guide, the architecture notes, benchmark results) are listed with the reason they stay out.
 */
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagedDocs, ROOT } from '../../scripts/build';
import { readMarkdown } from '../docs/markdown';

/** Pages the packaged docs link to that are for people working on topicform itself, not for its users. */
const DEVELOPMENT_ONLY: Readonly<Record<string, string>> = {
  'ARCHITECTURE.md': 'how the repository is laid out, for contributors',
  'CONTRIBUTING.md': 'how to work on topicform itself',
  'bench/RESULTS.md': 'benchmark history of the development machine',
};

describe('packaged docs', () => {
  const packaged = packagedDocs();

  it('carry every page under docs/ and the top-level pages', () => {
    expect(packaged).toEqual(expect.arrayContaining(['README.md', 'RULES.md', 'CHANGELOG.md', 'LICENSE', 'docs/threat-model.md', 'docs/streams.md']));
    expect(packaged.filter((p) => p.startsWith('docs/')).length).toBeGreaterThan(20);
  });

  it('link only to pages the package carries, or to named development pages', () => {
    const dangling: string[] = [];
    for (const page of packaged.filter((p) => p.endsWith('.md'))) {
      for (const link of readMarkdown(join(ROOT, page)).links) {
        if (/^[a-z][a-z+.-]*:/i.test(link) || link.startsWith('#')) continue;
        const target = normalize(join(dirname(page), link.split('#')[0] ?? ''))
          .split('\\')
          .join('/');
        if (!target.endsWith('.md') || packaged.includes(target) || target in DEVELOPMENT_ONLY) continue;
        dangling.push(`${page} → ${link}`);
      }
    }
    expect(dangling).toEqual([]);
  });
});
