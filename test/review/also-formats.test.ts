// `topicform review --also <format>=<file>`: one run writes the review in several formats, each the same bytes a run
// with that --format writes, so a CI keeps the comment, the JSON and the log without reviewing three times.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReview, type ReviewOptions } from '../../cli/commands/review';
import { buildCase, corpusCase } from './corpus/cases';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'topicform-review-also-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const { base, head } = buildCase(corpusCase('dev-partitions-decreased'));
base.writeTo(path.join(work, 'base'));
head.writeTo(path.join(work, 'head'));

function run(extra: Partial<ReviewOptions>): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const stream = (append: (s: string) => void): NodeJS.WritableStream => ({ write: (s: string) => (append(s), true) }) as unknown as NodeJS.WritableStream;
  const code = runReview(
    { base: 'base', head: 'head', plan: [], format: 'text', app: 'main.ts', ...extra },
    { stdout: stream((s) => (out += s)), stderr: stream((s) => (err += s)), cwd: work },
  );
  return { code, out, err };
}
const read = (file: string): string => fs.readFileSync(path.join(work, file), 'utf8');

describe('topicform review --also', () => {
  it('writes each named format, byte for byte what that --format writes, beside the main output, with the same exit code', () => {
    const one = run({ format: 'markdown', output: 'comment.md', detailsUrl: 'https://ci.example/run/1', also: ['json=review.json', 'text=review.txt'] });
    expect(one).toEqual({ code: 2, out: '', err: '' });
    const json = run({ format: 'json' });
    const text = run({ format: 'text' });
    const markdown = run({ format: 'markdown', detailsUrl: 'https://ci.example/run/1' });
    expect(read('review.json')).toBe(json.out);
    expect(read('review.txt')).toBe(text.out);
    expect(read('comment.md')).toBe(markdown.out);
    // The three differ: each file really is its own format.
    expect(JSON.parse(read('review.json'))).toHaveProperty('findings');
    expect(read('review.txt')).toContain('BLOCK  dev/search.document-changed/partitions-decreased');
    expect(read('comment.md')).toMatch(/^<!-- topicform-review -->/);
  });

  it('refuses a value that is not <format>=<file> before reviewing, naming it, and writes nothing', () => {
    for (const bad of ['yaml=review.yaml', 'review.json', 'json=', '=review.json']) {
      const result = run({ output: 'never.txt', also: [bad] });
      expect(result.code).toBe(1);
      expect(result.err).toContain(`topicform review: --also ${bad}: give <format>=<file>, the format one of markdown, text, json`);
      expect(fs.existsSync(path.join(work, 'never.txt'))).toBe(false);
    }
  });
});
