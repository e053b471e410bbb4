/**
 * Kafka Streams applications resolved field by field (model/resolve/streams-applications.ts) and the issues they raise,
 * with exact messages: what the resolve mutation run left alive (issue 28). Expectations worked by hand.
 */
import { describe, expect, it } from 'vitest';
import { resolve } from '../../../model/resolve';
import type { StreamsApplicationInput } from '../../../model/schema';
import { DEV, expectFailure, expectIssue, resolved, withDeclarations } from './helpers';

const ENRICHER: StreamsApplicationInput = {
  domain: 'orders',
  name: 'enricher',
  service: 'enricher',
  principal: 'User:enricher',
  // Declared out of name order: the resolved inputs are sorted by topic name.
  inputs: [
    { topic: { domain: 'search', event: 'document-changed' }, reason: 'orders are enriched with indexed documents' },
    { topic: { domain: 'orders', event: 'order-created' } },
  ],
  parallelism: { instances: 2 },
  idempotency: 'enrichment is a pure function of its inputs',
  replaySafety: { deterministic: true, sideEffects: { control: 'none' } },
  source: { path: 'dev/orders/enricher' },
};

describe('resolve: a Kafka Streams application, field by field', () => {
  it('keeps each input topic ref and reason (only when declared), sorted by topic name, and the declared options', () => {
    const [app] = resolved(withDeclarations({ streamsApplications: [ENRICHER] })).streamsApplications ?? [];
    expect(app?.inputs).toStrictEqual([
      { topic: { domain: 'orders', event: 'order-created' }, topicName: 'orders.order-created' },
      {
        topic: { domain: 'search', event: 'document-changed' },
        topicName: 'search.document-changed',
        reason: 'orders are enriched with indexed documents',
      },
    ]);
    // threadsPerInstance defaults to 1 (Kafka Streams' default).
    expect(app?.parallelism).toStrictEqual({ instances: 2, threadsPerInstance: 1 });
    expect(app?.idempotency).toBe('enrichment is a pure function of its inputs');
    expect(app?.replaySafety).toStrictEqual({ deterministic: true, sideEffects: { control: 'none' } });
  });

  it('leaves parallelism out when none is declared', () => {
    const { parallelism: _p, ...rest } = ENRICHER;
    void _p;
    const [app] = resolved(withDeclarations({ streamsApplications: [rest] })).streamsApplications ?? [];
    expect(app).not.toHaveProperty('parallelism');
  });

  it("names the application, the verb and the path when it writes another domain's topic without a reason", () => {
    const app = { ...ENRICHER, outputs: [{ topic: { domain: 'search', event: 'document-changed' } }] };
    const result = expectFailure(withDeclarations({ streamsApplications: [app] }), DEV, {
      source: 'dev/orders/enricher',
      path: 'outputs[0].reason',
      code: 'cross-domain-write-without-reason',
    });
    const issue = expectIssue(result, { source: 'dev/orders/enricher', path: 'outputs[0].reason', code: 'cross-domain-write-without-reason' });
    expect(issue.message).toBe('streams application "orders.enricher" writes "search/document-changed" of domain "search" without a stated reason');
    expect(issue.hint).toBe("access to another domain's event stream is its owner's decision: state why in outputs[0].reason");
  });

  it('names the application, the topic and the list when a topic is listed twice', () => {
    const app = { ...ENRICHER, inputs: [...ENRICHER.inputs, { topic: { domain: 'orders', event: 'order-created' } }] };
    const result = resolve(withDeclarations({ streamsApplications: [app] }), DEV);
    const issue = expectIssue(result, { source: 'dev/orders/enricher', path: 'inputs[2].topic', code: 'duplicate-streams-topic' });
    expect(issue.message).toBe('streams application "orders.enricher" lists "orders/order-created" twice in its inputs');
  });

  it("reports an undeclared domain at the application's domain field", () => {
    expectFailure(withDeclarations({ streamsApplications: [{ ...ENRICHER, domain: 'nowhere' }] }), DEV, {
      source: 'dev/orders/enricher',
      path: 'domain',
      code: 'unknown-domain',
      message: 'domain "nowhere" is not declared',
    });
  });

  it('names the first declaration when an application is declared twice in a domain', () => {
    const second = { ...ENRICHER, source: { path: 'dev/orders/enricher-again' } };
    const result = expectFailure(withDeclarations({ streamsApplications: [ENRICHER, second] }), DEV);
    const issue = expectIssue(result, { source: 'dev/orders/enricher-again', path: 'name', code: 'duplicate-streams-application' });
    expect(issue.message).toBe('streams application "enricher" is declared twice in domain "orders" (first at dev/orders/enricher)');
  });
});
