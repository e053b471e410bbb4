// The review comment checked the way it is read: rendered by a GitHub-flavoured Markdown renderer (marked, GFM) for
// the realistic change of issue 27, built from the repository's declarations — the payment group's tolerated lag
// 5m → 1m, `partitions: 12` on order-created, the notification group removed, a new order-shipped topic read by the
// search domain — and asserted on its structure: what blocks comes first, one line per cause, every blocking id
// ready to acknowledge, tables that fit GitHub's comment column, summaries in words, handles that neither mention nor
// break.
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { maxPollInterval } from '../../artifacts/client-config';
import { parseAcknowledgements } from '../../review/acknowledge';
import { MARKDOWN_CELL_PADDING_CHARS, MARKDOWN_COLUMN_CHARS, MARKDOWN_COMMENT_BUDGET } from '../../review/limits';
import { renderMarkdown } from '../../review/render/markdown';
import { review } from '../../review/review';
import type { ReviewResult, Snapshot } from '../../review/types';
import { orders } from '../../topics/orders';
import { search } from '../../topics/search';
import { ordersChanged, searchChanged } from './comment/orders-change';
import { synthesizeOutput } from './comment/outputs';

const base = synthesizeOutput('base', { orders, search });
const head = synthesizeOutput('head', { orders: ordersChanged, search: searchChanged });
const result = review({ base, head });
const markdown = renderMarkdown(result);
const document = new JSDOM(marked.parse(markdown, { gfm: true, async: false })).window.document;

/** The text of an element with each <br> as a line break, as a browser lays it out. */
function layoutText(element: Element): string {
  const clone = element.cloneNode(true) as Element;
  for (const br of clone.querySelectorAll('br')) br.replaceWith('\n');
  return clone.textContent ?? '';
}

/**
 * The longest run a browser cannot wrap: text between spaces, tabs, line breaks and zero-width spaces. A no-break
 * space and a word joiner join; hyphens and slashes are counted as joining too, the conservative reading.
 */
const longestRun = (text: string): number => Math.max(0, ...text.split(/[ \t\n\u200b]+/).map((run) => [...run.replace(/\u2060/g, '')].length));

/** The list items of the section under an h3 whose text starts with `heading`. */
function sectionItems(heading: string): string[] {
  const h3 = [...document.querySelectorAll('h3')].find((h) => (h.textContent ?? '').startsWith(heading));
  if (h3 === undefined) throw new Error(`no section "${heading}"`);
  let list = h3.nextElementSibling;
  while (list !== null && list.tagName !== 'UL') list = list.nextElementSibling;
  return [...(list?.querySelectorAll(':scope > li') ?? [])].map((li) => li.textContent ?? '');
}

const declaredLine = (snapshot: Snapshot, stack: string, topic: string): string => {
  const source = snapshot.stacks.get(stack)?.declared.topics.get(topic)?.source;
  return `${source?.file ?? '?'}:${source?.line ?? '?'}`;
};

const blockingIds = (r: ReviewResult): string[] =>
  [...r.findings, ...r.contracts].filter((f) => f.verdict === 'BLOCK' && f.acknowledgement === undefined).map((f) => f.id);

describe('the review comment of the realistic orders change, as GitHub renders it', () => {
  it('fits GitHub and starts with what blocks, after the verdict', () => {
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_COMMENT_BUDGET);
    expect(document.querySelector('h2')?.textContent).toBe(`topicform review: ⛔ ${result.summary.blocking} unacknowledged blocking findings`);
    const first = document.querySelector('h3');
    expect(first?.textContent).toBe('⛔ What blocks this PR');
    // Nothing but the verdict and the base → head line before it.
    expect([...document.body.children].slice(0, [...document.body.children].indexOf(first as Element)).map((e) => e.tagName)).toEqual(['H2', 'P']);
  });

  it('says why it blocks in one line per cause, production first, merged across environments and companion topics', () => {
    const causes = sectionItems('⛔ What blocks this PR');
    // The group removed and the partitions decreased. (prod declares a SCRAM credential per service principal: the
    // credential of notification-service goes with its last client, a SAFE scram-credential-removed-unused, not a
    // BLOCK on the stack's variables.)
    expect(causes).toHaveLength(2);
    const group = causes.find((c) => c.includes('consumer group removed'));
    const partitions = causes.find((c) => c.includes('partitions 24 → 12'));
    expect([group, partitions].every((c) => c !== undefined)).toBe(true);
    expect(result.findings.find((f) => f.id === 'prod-orders/credential:User:notification-service/scram-credential-removed-unused')?.verdict).toBe('SAFE');
    // Every BLOCK finding belongs to one of the two lines.
    for (const f of result.findings.filter((x) => x.verdict === 'BLOCK')) {
      expect(
        [group, partitions].some((line) => line?.includes(f.origin?.label ?? 'missing')),
        f.id,
      ).toBe(true);
    }
    expect(partitions).toContain('⛔ orders.order-created: partitions 24 → 12 in confluent, msk, prod-orders and staging (and its 3 retry tiers)');
    expect(partitions).toContain(declaredLine(head, 'prod-orders', 'orders.order-created'));
    expect(partitions).toContain('the provider replaces the topic (delete + create); keep 24');
    expect(partitions).toContain('because partitions: 12 is now declared');
    expect(group).toContain(
      '⛔ orders.notification: consumer group removed in confluent, msk and prod-orders (and its DLQ in confluent, msk, prod-orders, dev and staging)',
    );
    expect(group).toContain('its offsets are orphaned until they expire, its DLQ is deleted with the dead letters in it');
    expect(group).toContain('re-drive or export orders.order-created.notification.dlq, then acknowledge');
  });

  it('hands over every blocking id as a review-acknowledgements.yaml that refuses to pass unedited', () => {
    const block = [...document.querySelectorAll('details')].find((d) =>
      (d.querySelector('summary')?.textContent ?? '').includes('review-acknowledgements.yaml'),
    );
    const yaml = block?.querySelector('pre code')?.textContent ?? '';
    const listed = (parseYaml(yaml) as { acknowledgements: Array<{ finding: string }> }).acknowledgements.map((a) => a.finding);
    expect(listed.sort()).toEqual(blockingIds(result).sort());
    // The reasons are empty on purpose: pasted as it is, the file is refused.
    expect(() => parseAcknowledgements({ file: 'pasted', text: yaml })).toThrow(/must be a written reason/);
    const written = parseAcknowledgements({
      file: 'written',
      text: yaml.replace(/reason: ""/g, 'reason: "orders topics are recreated in the maintenance window"'),
    });
    expect(review({ base, head, acknowledgements: written }).summary.blocking).toBe(0);
  });

  it('lists the warnings the same way, each derived change naming its cause', () => {
    const warnings = sectionItems('⚠️ Warnings');
    const retention = warnings.find((w) => w.startsWith('⚠️ orders.order-created: retention.ms'));
    expect(retention).toContain('because consumer group orders.notification (lag 30m) was removed');
    expect(retention).toContain("orders.payment's tolerated lag changed (lag 5m → lag 1m)");
    // The explicit count in dev (2 before, derived from dev's scaled throughput) is explained, not left a puzzle.
    const dev = warnings.find((w) => w.startsWith('⚠️ orders.order-created: partitions 2 → 12 in dev'));
    expect(dev).toContain('a declared count applies as declared in every environment');
    expect(warnings.some((w) => w.startsWith('⚠️ orders.payment: generated client config changes') && w.includes('redeploy payment-service'))).toBe(true);
  });

  it('names each service to redeploy, key by key', () => {
    const services = sectionItems('Client config changes — redeploy');
    const payment = services.find((s) => s.startsWith('payment-service'));
    const before = maxPollInterval({ processingTimePerMessageMs: 5, maxProcessingLagMs: 5 * 60_000 }).value;
    const after = maxPollInterval({ processingTimePerMessageMs: 5, maxProcessingLagMs: 60_000 }).value;
    expect(before).not.toBe(after);
    expect(payment).toMatch(
      new RegExp(`consumer orders\\.payment in confluent, msk, prod-orders, dev and staging: max\\.poll\\.interval\\.ms ${before} \\([^)]+\\) → ${after} \\(`),
    );
    expect(services.some((s) => s.startsWith('notification-service') && s.includes('removed'))).toBe(true);
  });

  it('keeps every table row within the comment column, the verdict on one line', () => {
    const rows = [...document.querySelectorAll('table tr')];
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) {
      const cells = [...row.children];
      const width = cells.reduce((sum, c) => sum + longestRun(layoutText(c)) + MARKDOWN_CELL_PADDING_CHARS, 0);
      expect(width, row.textContent ?? '').toBeLessThanOrEqual(MARKDOWN_COLUMN_CHARS);
      const verdict = layoutText(cells[0] as Element);
      if (/BLOCK|WARN|SAFE|MOVE/.test(verdict)) expect(verdict, 'the verdict wraps').not.toMatch(/[ \t\n]/);
    }
  });

  it('summarises each folded finding in words, its id inside', () => {
    const summaries = [...document.querySelectorAll('summary')].map((s) => s.textContent ?? '');
    expect(summaries.length).toBeGreaterThan(10);
    for (const text of summaries) expect(text).not.toMatch(/\S+\/\S+\/[a-z][a-z-]+(-TF-[A-Z]+-\d{3})?$/);
    expect(document.body.textContent).toContain('id: prod-orders/orders.order-created/partitions-decreased');
  });

  it('never mentions a team, and leaves no place to break its handle', () => {
    const text = document.body.textContent ?? '';
    expect(text).toContain('@\u2060acme/\u2060orders-\u2060team');
    // A zero-width space is a break opportunity: never inside a handle.
    expect(text).not.toMatch(/@[\u200b\u2060]*[A-Za-z0-9/-]*\u200b/);
    expect(text).not.toMatch(/(?:^|\W)@[a-z0-9]/i);
  });

  it('gives one change one verdict across Findings and Access changes, and names the approving team once per row', () => {
    for (const change of result.access.changes) {
      for (const f of result.findings.filter(
        (x) =>
          (x.subject.kind === 'acl' || x.subject.kind === 'iam-grant') &&
          x.environment === change.environment &&
          [...change.added, ...change.removed].includes(x.subject.id),
      )) {
        expect(f.verdict, f.id).toBe(change.verdict);
      }
    }
    const accessRows = [...document.querySelectorAll('table tr')].filter((r) => (r.textContent ?? '').includes('approves:'));
    expect(accessRows.length).toBe(result.access.changes.length);
    for (const row of accessRows) expect((row.textContent ?? '').match(/acme\/\u2060[a-z]+-\u2060team/g)).toHaveLength(1);
  });
});
