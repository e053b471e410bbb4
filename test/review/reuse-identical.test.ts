// The head's byte-identical stacks are the base's parsed stacks (review/parse.ts, parseOutput's `parsed`): the review
// must be exactly what two separate parses give, and a stack that differs in either file — however little — must be
// parsed from its own text.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runReview } from '../../cli/commands/review';
import { parseOutput } from '../../review/parse';
import type { StackFiles } from '../../review/parse';
import { renderJson } from '../../review/render/json';
import { renderMarkdown } from '../../review/render/markdown';
import { review } from '../../review/review';
import { MutableOutput } from './corpus/output';

const root = mkdtempSync(join(tmpdir(), 'topicform-review-reuse-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** More partitions for one topic of prod-orders: a change of both files of one stack. */
const grow = (output: MutableOutput): void => {
  const stack = output.stack('prod-orders');
  stack.setPartitions('orders.order-created', stack.tfTopic('orders.order-created').partitions * 2);
};

/** The review of base → head with each side parsed on its own (no reuse), and with the head reusing the base's stacks. */
function bothWays(baseFiles: StackFiles[], headFiles: StackFiles[]) {
  const alone = review({ base: parseOutput('base', baseFiles), head: parseOutput('head', headFiles) });
  const base = parseOutput('base', baseFiles);
  const head = parseOutput('head', headFiles, { files: baseFiles, snapshot: base });
  return { alone, reused: review({ base, head }), base, head };
}

describe('review reuses the base parse of a byte-identical stack', () => {
  it('gives the same review, findings, sections and rendering, with changed and unchanged stacks', () => {
    const before = MutableOutput.seed();
    const after = before.clone();
    grow(after);
    const { alone, reused, base, head } = bothWays(before.files('base'), after.files('head'));
    expect(alone.findings.length).toBeGreaterThan(0);
    expect(renderJson(reused)).toBe(renderJson(alone));
    expect(renderMarkdown(reused)).toBe(renderMarkdown(alone));
    // The unchanged stacks were not parsed again; the changed one was.
    expect(head.stacks.get('dev')).toBe(base.stacks.get('dev'));
    expect(head.stacks.get('prod-search')).toBe(base.stacks.get('prod-search'));
    expect(head.stacks.get('prod-orders')).not.toBe(base.stacks.get('prod-orders'));
  });

  it('parses a stack whose cdk.tf.json is the base text but whose topology.json differs, and reviews that change', () => {
    const before = MutableOutput.seed();
    const after = before.clone();
    // Only the Topology: the domain's owner (who approves its access), a change with no Terraform at all.
    const domain = after.stack('prod-search').topology.domains[0];
    if (domain === undefined) throw new Error('the seed has no domain in prod-search');
    domain.owner = '@acme/someone-else';
    const baseFiles = before.files('base');
    const headFiles = after.files('head');
    const search = (files: StackFiles[]) => files.find((f) => f.stack === 'prod-search');
    expect(search(headFiles)?.terraform.text).toBe(search(baseFiles)?.terraform.text);
    const { alone, reused, base, head } = bothWays(baseFiles, headFiles);
    expect(head.stacks.get('prod-search')).not.toBe(base.stacks.get('prod-search'));
    expect(reused.findings.some((f) => f.rule === 'owner-changed')).toBe(true);
    expect(renderJson(reused)).toBe(renderJson(alone));
  });

  it('parses a stack whose topology.json is the base text but whose cdk.tf.json differs by one value, and reviews it', () => {
    const before = MutableOutput.seed();
    const after = before.clone();
    // Terraform alone: a hand edit of the output that the declarations do not show.
    after.stack('dev').tfTopic('orders.order-created').partitions += 1;
    const { alone, reused, base, head } = bothWays(before.files('base'), after.files('head'));
    expect(head.stacks.get('dev')).not.toBe(base.stacks.get('dev'));
    expect(reused.findings.some((f) => f.stack === 'dev')).toBe(true);
    expect(renderJson(reused)).toBe(renderJson(alone));
  });

  it('the command gives the same review as separate parses, from directories with changed and unchanged stacks', () => {
    const before = MutableOutput.seed();
    const after = before.clone();
    grow(after);
    before.writeTo(join(root, 'base'));
    after.writeTo(join(root, 'head'));
    let text = '';
    const stdout = { write: (s: string) => ((text += s), true) } as unknown as NodeJS.WritableStream;
    const code = runReview({ base: join(root, 'base'), head: join(root, 'head'), plan: [], format: 'json', app: 'main.ts' }, { stdout, cwd: root });
    expect([0, 2]).toContain(code);
    const expected = renderJson(
      review({
        base: parseOutput(join(root, 'base'), before.files(join(root, 'base'))),
        head: parseOutput(join(root, 'head'), after.files(join(root, 'head'))),
      }),
    );
    expect(text).toBe(expected);
  });
});
