/**
 * The docs hold together: every relative link in README.md, ARCHITECTURE.md, CONTRIBUTING.md, docs/*.md and
 * bench/RESULTS.md reaches an existing file (and heading, when it names one), every repository path written in
 * backticks exists, and the README stays a first page rather than a reference (under README_MAX_LINES lines).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMarkdown, slug } from './markdown';

const ROOT = resolve(__dirname, '..', '..');

/** Issue 24: the first screen says what topicform is, the two commands, one declaration and where to go next. */
const README_MAX_LINES = 250;

const DOCS = [
  'README.md',
  'ARCHITECTURE.md',
  'CONTRIBUTING.md',
  join('bench', 'RESULTS.md'),
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join('docs', f)),
];

/**
 * Paths that other branches of issue 24 create (Kafka defaults in one module, resolve split by step, the synth
 * machinery gathered, the contributor checklist). ARCHITECTURE.md names them as they will be; each is exempt only
 * while it does not exist, so the list cannot outlive the merge that brings it.
 */
const AWAITED: Readonly<Record<string, string>> = {};

/** Backticked paths that are not this repository's files, with why they are named. */
const NOT_REPOSITORY_PATHS: Readonly<Record<string, string>> = {
  'topics/imported.ts': 'written by topicform import',
  'topics/unassigned.ts': 'written by topicform import',
  'test/synth.test.ts': 'written by topicform init',
};

/** Top-level entries whose contents are generated or installed, never written in the repository. */
const GENERATED = new Set(['node_modules', 'dist', 'cdktf.out', 'coverage', 'reports', '.git', '.stryker-tmp']);
const TOP_LEVEL = new Set(readdirSync(ROOT).filter((name) => !GENERATED.has(name)));

/** A code span that names a path in this repository: it starts with a top-level entry and holds no placeholder. */
function repositoryPath(span: string): string | undefined {
  if (!/^[\w.@-]+(\/[\w.@-]+)*\/?$/.test(span)) return undefined;
  const first = span.split('/')[0] ?? '';
  return TOP_LEVEL.has(first) ? span : undefined;
}

const exists = (path: string): boolean => existsSync(join(ROOT, path));

const facts = new Map(DOCS.map((file) => [file, readMarkdown(join(ROOT, file))]));

describe('the docs', () => {
  it('include every page this test reads', () => {
    expect(DOCS).toEqual(
      expect.arrayContaining(['README.md', 'ARCHITECTURE.md', 'CONTRIBUTING.md', join('docs', 'declarations.md'), join('docs', 'review.md')]),
    );
  });

  it.each(DOCS)('%s: every relative link reaches a file, and a heading when it names one', (file) => {
    const broken: string[] = [];
    for (const href of facts.get(file)?.links ?? []) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // https:, mailto: — not checked offline
      const [rawPath = '', anchor] = href.split('#', 2);
      const path = decodeURIComponent(rawPath);
      const target = path === '' ? join(ROOT, file) : resolve(ROOT, dirname(file), path);
      const fromRoot = relative(ROOT, target);
      if (!existsSync(target)) {
        if (AWAITED[fromRoot] === undefined) broken.push(`${href}: no file ${fromRoot}`);
        continue;
      }
      if (anchor === undefined || anchor === '') continue;
      if (statSync(target).isDirectory() || !target.endsWith('.md')) {
        broken.push(`${href}: an anchor into something that is not a Markdown file`);
        continue;
      }
      const anchors = facts.get(fromRoot)?.anchors ?? readMarkdown(target).anchors;
      if (!anchors.has(anchor)) broken.push(`${href}: ${fromRoot} has no heading #${anchor}`);
    }
    expect(broken).toEqual([]);
  });

  it.each(DOCS)('%s: every repository path in backticks exists', (file) => {
    const missing = (facts.get(file)?.codeSpans ?? [])
      .map(repositoryPath)
      .filter((path): path is string => path !== undefined)
      .filter((path) => !exists(path) && NOT_REPOSITORY_PATHS[path] === undefined && AWAITED[path] === undefined);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('await only paths that do not exist yet (remove an entry of AWAITED once its branch is merged)', () => {
    expect(Object.keys(AWAITED).filter(exists)).toEqual([]);
  });

  it('exempt only paths that are named somewhere and are not in the repository', () => {
    const named = new Set([...facts.values()].flatMap((f) => f.codeSpans));
    for (const path of Object.keys(NOT_REPOSITORY_PATHS)) {
      expect(named.has(path), `${path} is no longer named in the docs`).toBe(true);
      expect(exists(path), `${path} exists now: remove it from NOT_REPOSITORY_PATHS`).toBe(false);
    }
  });

  it(`keep README.md under ${README_MAX_LINES} lines`, () => {
    expect(facts.get('README.md')?.lines).toBeLessThan(README_MAX_LINES);
  });
});

describe('slug (GitHub heading anchors)', () => {
  it.each([
    ['Type-checking: `topicform check`', 'type-checking-topicform-check'],
    ['Plans and environments: `topicform plan`, `topicform ci environments`', 'plans-and-environments-topicform-plan-topicform-ci-environments'],
    ['1. Capture the cluster', '1-capture-the-cluster'],
    ['Where a change belongs', 'where-a-change-belongs'],
    ['kafka_topic and the café', 'kafka_topic-and-the-café'],
  ])('%s → #%s', (heading, anchor) => {
    expect(slug(heading.replace(/`/g, ''))).toBe(anchor);
  });
});
