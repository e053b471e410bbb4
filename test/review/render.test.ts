// The three renderings of one review: Markdown for the pull-request comment (summary first, details folded, text
// escaped, within GitHub's size limit), plain text for terminals, JSON for machines.
import { describe, expect, it } from 'vitest';
import { humanize } from '../../review/humanize';
import { MARKDOWN_CELL_MAX, MARKDOWN_COMMENT_BUDGET } from '../../review/limits';
import { COMMENT_MARKER, escape, renderMarkdown } from '../../review/render/markdown';
import { renderJson } from '../../review/render/json';
import { renderText } from '../../review/render/text';
import type { Finding, ReviewResult } from '../../review/types';
import { corpusCase } from './corpus/cases';
import { runCase } from './corpus/run';

const partitions = (): ReviewResult => runCase(corpusCase('dev-partitions-decreased'));

describe('renderMarkdown', () => {
  it('starts with the marker and the verdict, then what blocks, the findings table, then folded details', () => {
    const md = renderMarkdown(partitions());
    const lines = md.split('\n');
    expect(lines[0]).toBe(COMMENT_MARKER);
    expect(lines[1]).toBe('## topicform review: ⛔ 1 unacknowledged blocking finding');
    const blocks = md.indexOf('### ⛔ What blocks this PR');
    const summary = md.indexOf('| Verdict | Finding | Stack |');
    const details = md.indexOf('<details><summary>⛔ BLOCK in dev: partitions of search.document-changed decreased from 12 to 6</summary>');
    expect(blocks).toBeGreaterThan(0);
    expect(summary).toBeGreaterThan(blocks);
    expect(md).toContain('id: <code>dev/search.document-changed/partitions-decreased</code>');
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
    expect(md).toContain('| ☑️&nbsp;BLOCK | partitions of search.document-changed decreased from 12 to 6 (acknowledged)');
    expect(md).toContain('**Acknowledged** by @&#8288;alice: dev data is disposable');
    expect(md).toContain('### Acknowledgements that match no finding');
  });

  it('lists drift in its own section', () => {
    const md = renderMarkdown(runCase(corpusCase('drift')));
    expect(md).toContain("### Drift: the cluster differs from Terraform's state");
    expect(md).toContain('| dev | <code>kafka&#95;topic.orders&#95;order-created</code> | config.retention.ms | 148680000 (1d 17h 18m) | 3600000 (1h) |');
  });

  it('escapes what comes from declarations: no HTML, no table breaks, no mentions', () => {
    expect(escape('<img src=x onerror=alert(1)> | @team')).toBe('&lt;img src=x onerror=alert(1)&gt; &#124; @&#8288;team');
  });

  it('stays under the comment size limit, counting what it leaves out', () => {
    const base = partitions();
    const many: Finding[] = Array.from({ length: 3000 }, (_, i) => ({
      ...(base.findings[0] as Finding),
      id: `dev/topic-${i}/topic-added`,
      verdict: 'SAFE',
      rule: 'topic-added',
      plan: [],
    }));
    const md = renderMarkdown({ ...base, findings: many, summary: { ...base.summary, BLOCK: 0, SAFE: many.length, blocking: 0 } });
    expect(md.length).toBeLessThan(65_536);
    expect(md).toMatch(/… and 2950 more safe findings/);
    expect(md).toMatch(/_Not shown here \(comment size limit\): the details of \d+ findings\. Everything is in the JSON and text reports of this review/);
  });

  it('guards a mention without giving the handle a place to break: a word joiner after its @, / and -', () => {
    const guarded = escape('approved by @acme/orders-team and @alice');
    expect(guarded).toBe('approved by @&#8288;acme/&#8288;orders-&#8288;team and @&#8288;alice');
    // The zero-width space of the old guard is a line-break opportunity ("@" / "acme/orders-team").
    expect(guarded).not.toContain('&#8203;');
    // GitHub mentions need a letter or digit right after the @ (its mention filter's pattern).
    const text = guarded.replace(/&#8288;/g, '\u2060');
    expect(text).not.toMatch(/(?:^|\W)@[a-z0-9]/i);
  });

  it('normalises every line break a description can carry: CR, CRLF, U+2028, U+2029, NEL, VT, FF', () => {
    const hostile = 'first\rsecond\r\nthird\u2028## heading\u2029| x |\u0085y\vz\fw\n';
    expect(escape(hostile)).toBe('first second third ## heading &#124; x &#124; y z w ');
    const base = partitions();
    const f = { ...(base.findings[0] as Finding), title: `partitions cut\r## injected heading`, after: 'x\u2028### another' };
    const md = renderMarkdown({ ...base, findings: [f] });
    const row = md.split('\n').find((l) => l.includes('partitions cut'));
    expect(row).toMatch(/^\| ⛔&nbsp;BLOCK \| partitions cut ## injected heading: 12 → 6<br>/);
    expect(md.split(/\r|\u2028|\u2029/)).toHaveLength(1);
  });

  it('caps every user-controlled value', () => {
    const base = partitions();
    const long = 'a'.repeat(5_000);
    const f = { ...(base.findings[0] as Finding), title: long, before: long, after: long, rows: [{ key: long, current: long, new: long }] };
    const md = renderMarkdown({ ...base, findings: [f] });
    expect(md).not.toContain('a'.repeat(MARKDOWN_CELL_MAX));
    expect(md).toContain(`${'a'.repeat(MARKDOWN_CELL_MAX - 1)}…`);
  });

  describe('holds the budget with 70,000-character reasons', () => {
    const huge = (c: string): string => c.repeat(70_000);
    const result = (): ReviewResult => {
      const acked = runCase(corpusCase('dev-partitions-decreased'), {
        acknowledgements: [
          { finding: 'dev/search.document-changed/partitions-decreased', reason: huge('r'), by: huge('@') },
          { finding: 'dev/orders.order-created/topic-deleted', reason: huge('s') },
        ],
      });
      const template = acked.findings[0] as Finding;
      // A suppression with a 70,000-character reason (as classify renders it), and more BLOCK and WARN findings.
      const suppression: Finding = {
        ...template,
        verdict: 'WARN',
        rule: 'suppression-added',
        id: 'dev/orders.order-created/suppression-added-TF-GROUP-003',
        title: `suppression of TF-GROUP-003 added: ${huge('q')}`,
        reason: huge('w'),
        before: '—',
        after: `TF-GROUP-003: ${huge('q')}`,
        rows: [{ key: 'suppression', current: '—', new: huge('q') }],
        plan: [],
      };
      delete (suppression as { acknowledgement?: unknown }).acknowledgement;
      const blocks: Finding[] = Array.from({ length: 40 }, (_, i) => ({
        ...template,
        id: `dev/topic-${i}/topic-deleted`,
        rule: 'topic-deleted',
        title: huge('t'),
        reason: huge('y'),
      }));
      const safe: Finding[] = Array.from({ length: 200 }, (_, i) => ({
        ...template,
        verdict: 'SAFE',
        id: `dev/new-${i}/topic-added`,
        rule: 'topic-added',
        title: huge('n'),
        plan: [],
      }));
      const findings = [...blocks, suppression, ...safe];
      return { ...acked, findings, summary: { ...acked.summary, BLOCK: 40, WARN: 1, SAFE: 200, blocking: 39 } };
    };

    it('stays under 65,536 characters, keeps the summary and every BLOCK and WARN line, and says what was cut and where', () => {
      const r = result();
      const url = 'https://github.com/acme/kafka/actions/runs/42';
      const md = renderMarkdown(r, { fullReviewUrl: url });
      expect(md.length).toBeLessThan(65_536);
      expect(md.length).toBeLessThanOrEqual(MARKDOWN_COMMENT_BUDGET);
      expect(md.split('\n')[0]).toBe(COMMENT_MARKER);
      expect(md).toContain('| ⛔&nbsp;BLOCK | ⚠️&nbsp;WARN | 🚚&nbsp;MOVE | ✅&nbsp;SAFE | acknowledged |');
      // Every blocking id is in the acknowledgement block, every BLOCK and WARN line in the table.
      for (const f of r.findings.filter((x) => x.verdict === 'BLOCK' && x.acknowledgement === undefined)) {
        expect(md).toContain(`- finding: ${JSON.stringify(f.id)}`);
      }
      for (const f of r.findings.filter((x) => x.verdict !== 'SAFE')) {
        expect(md).toContain(
          `| ${f.acknowledgement === undefined ? (f.verdict === 'BLOCK' ? '⛔' : '⚠️') : '☑️'}&nbsp;${f.verdict} | ${escape(f.title).slice(0, 60)}`,
        );
      }
      expect(md).toMatch(/Not shown here \(comment size limit\): the details of \d+ findings/);
      expect(md).toContain(`Everything is in the full review: ${escape(url)}`);
    });

    it('without a URL, names the JSON report', () => {
      const md = renderMarkdown(result());
      expect(md.length).toBeLessThanOrEqual(MARKDOWN_COMMENT_BUDGET);
      expect(md).toContain('Everything is in the JSON and text reports of this review');
    });

    it('with thousands of BLOCK lines, keeps the summary and as many as fit, and counts the rest', () => {
      const r = result();
      const template = r.findings[0] as Finding;
      const many: Finding[] = Array.from({ length: 5_000 }, (_, i) => ({ ...template, id: `dev/${'x'.repeat(200)}-${i}/topic-deleted` }));
      const md = renderMarkdown({ ...r, findings: many, summary: { ...r.summary, BLOCK: 5_000, blocking: 5_000 } });
      expect(md.length).toBeLessThanOrEqual(MARKDOWN_COMMENT_BUDGET);
      expect(md.split('\n')[1]).toBe('## topicform review: ⛔ 5000 unacknowledged blocking findings');
      expect(md).toContain('| 5000 | 1 |');
      expect(md).toMatch(/_Not shown here \(comment size limit\): \d+ more BLOCK and WARN lines/);
    });
  });

  it('says when there is nothing to review', () => {
    expect(renderMarkdown(runCase(corpusCase('identical')))).toMatch(/## topicform review: ✅ no changes/);
  });
});

describe('the Contract changes and Access changes sections', () => {
  const contract = (): ReviewResult => runCase(corpusCase('contract-field-removed'));
  const CONTRACT_ID = 'prod-orders/orders.order-created/value/customerId/property-removed-closed-model';

  it('Markdown: a contract change gets its own section with id, verdict, field and mode, and blocks the comment', () => {
    const md = renderMarkdown(contract());
    expect(md.split('\n')[1]).toBe('## topicform review: ⛔ 1 unacknowledged blocking finding');
    const section = md.indexOf('### Contract changes');
    expect(section).toBeGreaterThan(0);
    expect(md).not.toContain('| Verdict | Finding | Environment | Stack | Before → After |');
    expect(md).toContain(
      '| ⛔&nbsp;BLOCK | property "customerId" removed; the new object is closed (additionalProperties: false)<br>orders.order-created · value · customerId · BACKWARD, breaks BACKWARD | prod-orders |',
    );
    expect(md.indexOf('<details><summary>⛔ BLOCK in prod-orders: property "customerId" removed; the new object is closed')).toBeGreaterThan(section);
    expect(md).toContain(`id: <code>${escape(CONTRACT_ID)}</code>`);
    expect(md).toContain(`- finding: ${JSON.stringify(CONTRACT_ID)}`);
    expect(md).toContain('which BACKWARD requires: the new schema is closed: old events that carry the property fail it');
  });

  it('text: the contract section lists the change in full, then the safe ones one line each', () => {
    const text = renderText(contract());
    expect(text).toContain(
      [
        "contract changes (each event schema under its topic's compatibility mode):",
        '',
        `BLOCK  ${CONTRACT_ID}`,
        '  property "customerId" removed; the new object is closed (additionalProperties: false)',
        '  environment prod, stack prod-orders; mode BACKWARD, breaks BACKWARD',
      ].join('\n'),
    );
    expect(text).toContain('SAFE   prod-orders/orders.order-created/value/customerId/required-removed: "customerId" is no longer required');
    expect(text).toContain('BLOCK 1 · WARN 0 · MOVE 0 · SAFE 1\n');
    expect(text.trimEnd().split('\n').pop()).toBe('result: 1 unacknowledged blocking finding');
  });

  it('shows an acknowledged contract change as acknowledged, and nothing blocks', () => {
    const result = runCase(corpusCase('contract-field-removed'), {
      acknowledgements: [{ finding: CONTRACT_ID, reason: 'no consumer reads customerId since the 2025 migration', by: '@orders-lead' }],
    });
    expect(renderText(result)).toContain(`BLOCK (acknowledged) ${CONTRACT_ID}`);
    expect(renderText(result)).toContain('  acknowledged by @orders-lead: no consumer reads customerId since the 2025 migration');
    expect(renderMarkdown(result)).toContain(
      '| ☑️&nbsp;BLOCK | property "customerId" removed; the new object is closed (additionalProperties: false) (acknowledged)',
    );
    expect(renderMarkdown(result).split('\n')[1]).toBe('## topicform review: ✅ nothing blocking');
  });

  it('Markdown: access changes with the approving owner and the required reviewers, never mentioning anyone', () => {
    const md = renderMarkdown(runCase(corpusCase('cross-domain-without-reason')));
    expect(md.split('\n')[1]).toBe('## topicform review: ⚠️ nothing blocking');
    expect(md).toContain('### Access changes');
    expect(md).toContain('**Required reviewers:** @&#8288;acme/&#8288;orders-&#8288;team, @&#8288;acme/&#8288;search-&#8288;team');
    expect(md).toContain(
      '| ⚠️&nbsp;WARN | User:search-indexer gains Read on topic orders.order-created; cross-domain read by search.order-indexer (search) without a stated reason<br>approves: @&#8288;acme/&#8288;orders-&#8288;team<br>why: consumer group search.order-indexer (search-indexer) reads orders.order-created | prod-orders |',
    );
    expect(md).not.toMatch(/(^|[^;])@acme/);
  });

  it('text: access changes, why each exists, and the required reviewers; the count line counts them apart', () => {
    const text = renderText(runCase(corpusCase('cross-domain-grant')));
    expect(text).toContain('BLOCK 0 · WARN 0 · MOVE 0 · SAFE 6 · access changes: WARN 0, SAFE 3\n');
    expect(text).toContain(
      'SAFE   prod/prod-orders: User:search-indexer gains Read on topic orders.order-created (owned by orders: @acme/orders-team approves); cross-domain grant: search.order-indexer (search) reads it because "customer service searches orders by customer and status"\n  why: consumer group search.order-indexer (search-indexer) reads orders.order-created\n',
    );
    expect(text).toContain('\nrequired reviewers: @acme/orders-team, @acme/search-team\n');
  });

  it('JSON: contracts and access are part of the result', () => {
    const json = JSON.parse(renderJson(runCase(corpusCase('cross-domain-without-reason')))) as ReviewResult;
    expect(json.access.requiredReviewers).toEqual(['@acme/orders-team', '@acme/search-team']);
    expect(json.access.changes[0]).toMatchObject({
      verdict: 'WARN',
      kind: 'granted',
      principal: 'User:search-indexer',
      owner: '@acme/orders-team',
      stack: 'prod-orders',
      environment: 'prod',
    });
    expect(json.summary.access).toEqual({ BLOCK: 0, WARN: 1, SAFE: 2 });
    const contracts = JSON.parse(renderJson(contract())) as ReviewResult;
    expect(contracts.contracts[0]).toMatchObject({
      id: CONTRACT_ID,
      verdict: 'BLOCK',
      rule: 'property-removed-closed-model',
      topic: 'orders.order-created',
      schema: 'value',
      path: 'customerId',
      breaks: ['backward'],
      mode: 'BACKWARD',
      stack: 'prod-orders',
      environment: 'prod',
      production: true,
    });
    expect(contracts.summary).toMatchObject({ BLOCK: 1, SAFE: 1, blocking: 1 });
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
