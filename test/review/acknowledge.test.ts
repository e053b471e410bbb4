// The acknowledgement file: YAML 1.2, zod-validated, every problem with its path; a BLOCK becomes accepted only when
// a reviewed acknowledgement names it, and acknowledgements that match nothing are reported.
import { describe, expect, it } from 'vitest';
import { applyAcknowledgements, parseAcknowledgements } from '../../review/acknowledge';
import { corpusCase } from './corpus/cases';
import { runCase } from './corpus/run';

const file = 'review-acknowledgements.yaml';
const parse = (text: string): ReturnType<typeof parseAcknowledgements> => parseAcknowledgements({ file, text });

describe('parseAcknowledgements', () => {
  it('reads findings, reasons and reviewers', () => {
    const text = [
      'acknowledgements:',
      '  - finding: dev/search.document-changed/partitions-decreased',
      '    reason: dev data is disposable; recreated with 6 partitions',
      '    by: "@alice"',
      '',
    ].join('\n');
    expect(parse(text)).toEqual([
      { finding: 'dev/search.document-changed/partitions-decreased', reason: 'dev data is disposable; recreated with 6 partitions', by: '@alice' },
    ]);
  });

  it('reads an empty file as no acknowledgements', () => {
    expect(parse('')).toEqual([]);
    expect(parse('acknowledgements: []\n')).toEqual([]);
  });

  it('accepts ACL ids and suppression findings', () => {
    const text = [
      'acknowledgements:',
      "  - finding: 'prod-orders/User:payment-service|*|Read|Allow|Topic|orders.order-created|Literal/acl-removed-still-needed'",
      '    reason: the payment service reads through the new prefixed grant',
      '  - finding: prod-orders/group:orders.payment/suppression-added-TF-GROUP-003',
      '    reason: agreed with the payments team',
    ].join('\n');
    expect(parse(text).map((a) => a.finding)).toHaveLength(2);
  });

  it('accepts contract change ids, whose subject is <topic>/<schema>/<path>', () => {
    const text = [
      'acknowledgements:',
      '  - finding: prod-orders/orders.order-created/value/customerId/property-removed-closed-model',
      '    reason: no consumer reads customerId since the 2025 migration',
      '  - finding: prod-search/search.document-changed/DocumentUpserted/$/compatibility-weakened',
      '    reason: the search team moves to FORWARD for the reindex',
      '  - finding: dev/orders.order-created/value/items[].sku/max-length-decreased',
      '    reason: dev data is disposable',
    ].join('\n');
    expect(parse(text).map((a) => a.finding)).toHaveLength(3);
    expect(() =>
      parse('acknowledgements:\n  - finding: prod-orders/orders.order-created/value/customerId/property-removed-closed\n    reason: a good enough reason\n'),
    ).toThrow(/unknown rule "property-removed-closed" in .* \(did you mean "property-removed-closed-model"\?\)/);
  });

  it('fails when a reason is too short, with the path of the entry', () => {
    expect(() => parse('acknowledgements:\n  - finding: dev/x/topic-deleted\n    reason: ok\n')).toThrow(
      /^review-acknowledgements\.yaml: acknowledgements\[0\]\.reason: must be a written reason of at least 10 characters$/,
    );
  });

  it('fails when the rule of a finding id is unknown, suggesting the closest', () => {
    expect(() => parse('acknowledgements:\n  - finding: dev/x/partition-decreased\n    reason: a good enough reason\n')).toThrow(
      /unknown rule "partition-decreased" in "dev\/x\/partition-decreased" \(did you mean "partitions-decreased"\?\)/,
    );
  });

  it('fails when a finding is not an id, or a field is unknown', () => {
    expect(() => parse('acknowledgements:\n  - finding: orders.order-created\n    reason: a good enough reason\n')).toThrow(
      /acknowledgements\[0\]\.finding: must be a finding id "<stack>\/<subject>\/<rule>"/,
    );
    expect(() => parse('acknowledgements:\n  - finding: dev/x/topic-deleted\n    reason: a good enough reason\n    approver: bob\n')).toThrow(
      /acknowledgements\[0\]: Unrecognized key: "approver"/,
    );
  });

  it('fails when a finding is acknowledged twice', () => {
    const entry = '  - finding: dev/x/topic-deleted\n    reason: a good enough reason\n';
    expect(() => parse(`acknowledgements:\n${entry}${entry}`)).toThrow(
      /acknowledgements\[1\]\.finding: "dev\/x\/topic-deleted" is already acknowledged at acknowledgements\[0\]/,
    );
  });

  it('fails on invalid YAML with the line', () => {
    expect(() => parse('acknowledgements:\n  - finding: [unclosed\n')).toThrow(/^review-acknowledgements\.yaml: not valid YAML: .*line/);
  });
});

describe('acknowledging findings', () => {
  it('accepts an acknowledged BLOCK: nothing blocks any more, and the review shows the acknowledgement', () => {
    const acknowledgement = {
      finding: 'dev/search.document-changed/partitions-decreased',
      reason: 'dev data is disposable; recreated with 6 partitions',
      by: '@alice',
    };
    const result = runCase(corpusCase('dev-partitions-decreased'), { acknowledgements: [acknowledgement] });
    expect(result.summary).toMatchObject({ BLOCK: 1, acknowledged: 1, blocking: 0 });
    expect(result.findings[0]?.acknowledgement).toEqual(acknowledgement);
    expect(result.unmatchedAcknowledgements).toEqual([]);
  });

  it('reports an acknowledgement that names no finding, and still blocks', () => {
    const stale = { finding: 'dev/search.document-changed/topic-deleted', reason: 'was needed for an earlier change' };
    const result = runCase(corpusCase('dev-partitions-decreased'), { acknowledgements: [stale] });
    expect(result.summary.blocking).toBe(1);
    expect(result.unmatchedAcknowledgements).toEqual([stale]);
  });

  it('accepts an acknowledged contract change the same way, and counts a stale one once across both lists', () => {
    const acknowledgement = {
      finding: 'prod-orders/orders.order-created/value/customerId/property-removed-closed-model',
      reason: 'no consumer reads customerId since the 2025 migration',
    };
    const stale = { finding: 'prod-orders/orders.order-created/value/email/property-removed-closed-model', reason: 'an older change that was reverted' };
    const result = runCase(corpusCase('contract-field-removed'), { acknowledgements: [acknowledgement, stale] });
    expect(result.summary).toMatchObject({ BLOCK: 1, acknowledged: 1, blocking: 0 });
    expect(result.contracts[0]?.acknowledgement).toEqual(acknowledgement);
    expect(result.unmatchedAcknowledgements).toEqual([stale]);
  });

  it('applies acknowledgements by exact id only', () => {
    const { findings, unmatched } = applyAcknowledgements([], [{ finding: 'a/b/topic-deleted', reason: 'a good enough reason' }]);
    expect(findings).toEqual([]);
    expect(unmatched).toHaveLength(1);
  });
});
