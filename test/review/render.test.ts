// The three renderings of one review: Markdown for the pull-request comment (summary first, details folded, text
// escaped, within GitHub's size limit), plain text for terminals, JSON for machines.
import { describe, expect, it } from 'vitest';
import { humanize } from '../../review/humanize';
import { COMMENT_MARKER, escape, renderMarkdown } from '../../review/render/markdown';
import { renderJson } from '../../review/render/json';
import { renderText } from '../../review/render/text';
import type { Finding, ReviewResult } from '../../review/types';
import { corpusCase } from './corpus/cases';
import { runCase } from './corpus/run';

const partitions = (): ReviewResult => runCase(corpusCase('dev-partitions-decreased'));

describe('renderMarkdown', () => {
  it('starts with the marker and the verdict, then the summary table, then folded details', () => {
    const md = renderMarkdown(partitions());
    const lines = md.split('\n');
    expect(lines[0]).toBe(COMMENT_MARKER);
    expect(lines[1]).toBe('## topicform review: ⛔ 1 unacknowledged blocking finding');
    const summary = md.indexOf('| Verdict | Finding | Environment | Stack | Before → After |');
    const details = md.indexOf('<details><summary>⛔ BLOCK <code>dev/search.document-changed/partitions-decreased</code></summary>');
    expect(summary).toBeGreaterThan(0);
    expect(details).toBeGreaterThan(summary);
    expect(md).toContain('| Key | Current | New |\n| --- | --- | --- |\n| partitions | 12 | 6 |');
    expect(md).toContain('**terraform plan** <code>kafka&#95;topic.search&#95;document-changed</code>: replace (delete, then create), forced by partitions');
  });

  it('shows acknowledgements and stale acknowledgements', () => {
    const result = runCase(corpusCase('dev-partitions-decreased'), {
      acknowledgements: [
        { finding: 'dev/search.document-changed/partitions-decreased', reason: 'dev data is disposable', by: '@alice' },
        { finding: 'dev/orders.order-created/topic-deleted', reason: 'left over from the last change' },
      ],
    });
    const md = renderMarkdown(result);
    expect(md).toMatch(/## topicform review: ✅ nothing blocking/);
    expect(md).toContain('☑️ BLOCK (acknowledged)');
    expect(md).toContain('**Acknowledged** by @&#8203;alice: dev data is disposable');
    expect(md).toContain('### Acknowledgements that match no finding');
  });

  it('lists drift in its own section', () => {
    const md = renderMarkdown(runCase(corpusCase('drift')));
    expect(md).toContain("### Drift: the cluster differs from Terraform's state");
    expect(md).toContain('| dev | <code>kafka&#95;topic.orders&#95;order-created</code> | config.retention.ms | 148680000 (1d 17h 18m) | 3600000 (1h) |');
  });

  it('escapes what comes from declarations: no HTML, no table breaks, no mentions', () => {
    expect(escape('<img src=x onerror=alert(1)> | @team')).toBe('&lt;img src=x onerror=alert(1)&gt; &#124; @&#8203;team');
  });

  it('stays under the comment size limit, counting what it leaves out', () => {
    const base = partitions();
    const many: Finding[] = Array.from({ length: 3000 }, (_, i) => ({ ...(base.findings[0] as Finding), id: `dev/topic-${i}/topic-added`, verdict: 'SAFE', rule: 'topic-added', plan: [] }));
    const md = renderMarkdown({ ...base, findings: many, summary: { ...base.summary, BLOCK: 0, SAFE: many.length, blocking: 0 } });
    expect(md.length).toBeLessThan(65_536);
    expect(md).toMatch(/… and 2950 more safe findings/);
    expect(md).toMatch(/_\d+ more findings not shown here \(comment size limit\): see the JSON report\._/);
  });

  it('says when there is nothing to review', () => {
    expect(renderMarkdown(runCase(corpusCase('identical')))).toMatch(/## topicform review: ✅ no changes/);
  });
});

describe('renderText', () => {
  it('prints findings with their Key | Current | New table and the result', () => {
    const text = renderText(partitions());
    expect(text).toContain('BLOCK  dev/search.document-changed/partitions-decreased');
    expect(text).toMatch(/ {4}Key {9}Current {2}New\n {4}partitions {2}12 {7}6\n/);
    expect(text).toContain('terraform plan: kafka_topic.search_document-changed: replace (delete, then create), forced by partitions');
    expect(text.trimEnd().split('\n').pop()).toBe('result: 1 unacknowledged blocking finding');
  });
});

describe('renderJson', () => {
  it('is the result itself', () => {
    const result = partitions();
    expect(JSON.parse(renderJson(result))).toEqual(JSON.parse(JSON.stringify(result)));
  });
});

describe('humanize', () => {
  it.each([
    ['config.retention.ms', '604800000', '604800000 (7d)'],
    ['config.retention.ms', '-1', '-1 (forever)'],
    ['config.retention.bytes', '1073741824', '1073741824 (1 GiB)'],
    ['config.segment.ms', null, '— (broker default)'],
    ['partitions', 12, '12'],
  ] as const)('%s %s → %s', (key, value, expected) => {
    expect(humanize(key, value)).toBe(expected);
  });
});
