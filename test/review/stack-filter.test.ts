// `topicform review --stack`: a CI that plans and comments per stack (Atlantis) reviews one stack of both outputs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runReview } from '../../cli/commands/review';
import { buildCase, corpusCase } from './corpus/cases';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'topicform-review-stack-'));
const sink = (): { text: string; write: (s: string) => boolean } => {
  const o = { text: '', write: (s: string): boolean => ((o.text += s), true) };
  return o;
};

function writeCase(name: string): { base: string; head: string } {
  const { base, head } = buildCase(corpusCase(name));
  base.writeTo(path.join(work, name, 'base'));
  head.writeTo(path.join(work, name, 'head'));
  return { base: path.join(work, name, 'base'), head: path.join(work, name, 'head') };
}

describe('topicform review --stack', () => {
  const { base, head } = writeCase('dev-partitions-decreased');
  const review = (stack: string[]): { code: number; out: string; err: string } => {
    const stdout = sink();
    const stderr = sink();
    const code = runReview(
      { base, head, plan: [], format: 'text', app: 'main.ts', stack },
      { stdout: stdout as unknown as NodeJS.WritableStream, stderr: stderr as unknown as NodeJS.WritableStream },
    );
    return { code, out: stdout.text, err: stderr.text };
  };

  it('reviews the named stack', () => {
    const run = review(['dev']);
    expect(run.code).toBe(2);
    expect(run.out).toContain('BLOCK  dev/search.document-changed/partitions-decreased');
  });

  it('fails, naming it, for a stack neither output has', () => {
    const run = review(['nope']);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/--stack nope: no such stack/);
  });
});
