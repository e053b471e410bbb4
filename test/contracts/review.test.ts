import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { JsonSchemaObject } from '../../contracts/json-schema';
import { reviewContracts, type ContractFinding } from '../../contracts/review';
import type { ContractDeclaration } from '../../model/schema';
import type { Topology } from '../../model/topology';
import type { CompatibilityMode } from '../../model/vocabulary';
import { OrderCreated, orders } from '../../topics/orders';
import { DocumentUpserted, search } from '../../topics/search';
import { DEV, json, lintDeclared, PROD, withContract } from './helpers';

const ORDERS = 'orders.order-created';
const DOCS = 'search.document-changed';

/** The seed (a real declaration of both example domains) as review reads it: a stack's topology.json. */
const seed = (environment = PROD): Topology =>
  JSON.parse(
    JSON.stringify(
      lintDeclared((stack) => {
        orders(stack);
        search(stack);
      }, environment).topology,
    ),
  ) as Topology;

const withOrderSchema = (t: Topology, schema: JsonSchemaObject, mode?: CompatibilityMode): Topology =>
  withContract(t, ORDERS, (c) => ({ ...c, schema, ...(mode === undefined ? {} : { compatibility: mode }) }));

const brief = (findings: readonly ContractFinding[]): string[] => findings.map((f) => `${f.verdict} ${f.topic} ${f.schema} ${f.path} ${f.rule}`);

describe('reviewContracts: the seed corpus', () => {
  const base = seed();

  it('finds nothing when nothing changed', () => {
    expect(reviewContracts(base, seed())).toEqual([]);
  });

  it('blocks a breaking change: a field removed from OrderCreated under BACKWARD', () => {
    const head = withOrderSchema(base, json(OrderCreated.omit({ customerId: true })));
    const findings = reviewContracts(base, head);
    expect(brief(findings)).toEqual([`BLOCK ${ORDERS} value customerId property-removed-closed-model`, `SAFE ${ORDERS} value customerId required-removed`]);
    expect(findings[0]).toMatchObject({
      id: `${ORDERS}/value/customerId/property-removed-closed-model`,
      breaks: ['backward'],
      mode: 'BACKWARD',
      title: 'property "customerId" removed; the new object is closed (additionalProperties: false)',
    });
    expect(findings[0]?.reason).toContain('breaks BACKWARD (new schema reads old events), which BACKWARD requires');
  });

  it('blocks a type change deep in the event: items[].quantity integer → string', () => {
    const changed = OrderCreated.extend({
      items: z
        .array(
          z.object({
            sku: z.string().min(1),
            quantity: z.string(),
            unitPrice: z.object({ amountMinor: z.number().int().nonnegative(), currency: z.string().regex(/^[A-Z]{3}$/) }),
          }),
        )
        .min(1),
    });
    const findings = reviewContracts(base, withOrderSchema(base, json(changed)));
    expect(brief(findings.filter((f) => f.verdict === 'BLOCK'))).toEqual([`BLOCK ${ORDERS} value items[].quantity type-changed`]);
  });

  it('lets an additive optional field through as SAFE under BACKWARD, and blocks it under FORWARD and FULL', () => {
    const added = json(OrderCreated.extend({ channel: z.enum(['web', 'app']).optional() }));
    expect(brief(reviewContracts(base, withOrderSchema(base, added)))).toEqual([`SAFE ${ORDERS} value channel property-added-closed-model`]);
    for (const mode of ['FORWARD', 'FULL'] as const) {
      const b = withOrderSchema(base, json(OrderCreated), mode);
      expect(brief(reviewContracts(b, withOrderSchema(b, added)))).toEqual([`BLOCK ${ORDERS} value channel property-added-closed-model`]);
    }
  });

  it('blocks an event type removed from a topic with one schema per type (old events stay in the log), and an added one under FORWARD', () => {
    const removed = withContract(base, DOCS, (c) => ({ ...c, schemas: { DocumentUpserted: c.schemas?.DocumentUpserted ?? {} } }));
    expect(brief(reviewContracts(base, removed))).toEqual([`BLOCK ${DOCS} DocumentDeleted $ event-type-removed`]);
    const forward = withContract(base, DOCS, (c) => ({ ...c, compatibility: 'FORWARD' }));
    const added = withContract(forward, DOCS, (c) => ({ ...c, schemas: { ...c.schemas, DocumentArchived: json(z.object({ documentId: z.string() })) } }));
    expect(brief(reviewContracts(forward, added))).toEqual([`BLOCK ${DOCS} DocumentArchived $ event-type-added`]);
  });

  it('names the event type and the field in a per-type schema', () => {
    const head = withContract(base, DOCS, (c) => ({ ...c, schemas: { ...c.schemas, DocumentUpserted: json(DocumentUpserted.omit({ tags: true })) } }));
    expect(brief(reviewContracts(base, head))).toEqual([
      `BLOCK ${DOCS} DocumentUpserted tags property-removed-closed-model`,
      `SAFE ${DOCS} DocumentUpserted tags required-removed`,
    ]);
  });

  it('warns when the mode is weakened, and reports what only the weakened mode lets through as WARN', () => {
    const head = withOrderSchema(base, json(OrderCreated.omit({ customerId: true })), 'NONE');
    expect(brief(reviewContracts(base, head))).toEqual([
      `WARN ${ORDERS} value $ compatibility-weakened`,
      `WARN ${ORDERS} value customerId property-removed-closed-model`,
      `WARN ${ORDERS} value customerId required-removed`,
    ]);
    const f = reviewContracts(
      base,
      withContract(base, ORDERS, (c) => ({ ...c, compatibility: 'FORWARD' })),
    );
    expect(brief(f)).toEqual([`WARN ${ORDERS} value $ compatibility-weakened`]);
    expect(f[0]?.title).toBe('compatibility BACKWARD → FORWARD');
  });

  it('says SAFE when the mode gets stronger, and then checks the change under the new mode', () => {
    const head = withOrderSchema(base, json(OrderCreated.extend({ channel: z.string().optional() })), 'FULL');
    expect(brief(reviewContracts(base, head))).toEqual([
      `BLOCK ${ORDERS} value channel property-added-closed-model`,
      `SAFE ${ORDERS} value $ compatibility-strengthened`,
    ]);
  });

  it('reports a schema added as SAFE and a schema dropped as WARN', () => {
    const without = withContract(base, ORDERS, ({ schema: _s, subjectNaming: _n, ...rest }) => rest);
    expect(brief(reviewContracts(without, base))).toEqual([`SAFE ${ORDERS} value $ schema-added`]);
    expect(brief(reviewContracts(base, without))).toEqual([`WARN ${ORDERS} value $ schema-removed`]);
  });

  it('warns on a change of subject naming and still compares the events across it', () => {
    const union = ({ schemas: _schemas, ...rest }: ContractDeclaration): ContractDeclaration => {
      // The same two event types as one union under <topic>-value, DocumentDeleted without its version.
      return {
        ...rest,
        subjectNaming: 'TopicNameStrategy',
        schema: json(
          z.union([DocumentUpserted.meta({ title: 'DocumentUpserted' }), z.object({ documentId: z.string().min(1) }).meta({ title: 'DocumentDeleted' })]),
        ),
      };
    };
    const findings = reviewContracts(base, withContract(base, DOCS, union));
    expect(brief(findings)).toEqual([
      `BLOCK ${DOCS} value (DocumentDeleted).version property-removed-closed-model`,
      `WARN ${DOCS} value $ subject-naming-changed`,
      `SAFE ${DOCS} value (DocumentDeleted).version required-removed`,
    ]);
  });

  it('checks a transitive mode against the base only, and says so — or against a history when one is given', () => {
    const v1 = json(OrderCreated.extend({ legacyRef: z.string().optional() }));
    const transitive = withOrderSchema(base, json(OrderCreated), 'BACKWARD_TRANSITIVE');
    const head = withOrderSchema(transitive, json(OrderCreated.extend({ channel: z.string().optional() })));
    expect(brief(reviewContracts(transitive, head))).toEqual([
      `WARN ${ORDERS} value $ transitive-checked-against-base-only`,
      `SAFE ${ORDERS} value channel property-added-closed-model`,
    ]);
    const withHistory = reviewContracts(transitive, head, {
      history: (topic, schema) => (topic === ORDERS && schema === 'value' ? [v1, json(OrderCreated)] : undefined),
    });
    expect(brief(withHistory)).toEqual([
      `BLOCK ${ORDERS} value legacyRef property-removed-closed-model`,
      `SAFE ${ORDERS} value channel property-added-closed-model`,
    ]);
    expect(withHistory[0]?.reason).toContain('breaks version 1 of the history');
  });

  it('reviews each environment with its own topic names (dev compares dev)', () => {
    const dev = seed(DEV);
    const head = withOrderSchema(dev, json(OrderCreated.omit({ total: true })));
    expect(brief(reviewContracts(dev, head)).filter((l) => l.startsWith('BLOCK'))).toEqual([`BLOCK ${ORDERS} value total property-removed-closed-model`]);
  });

  it('compares only topics present on both sides', () => {
    const head = { ...base, topics: base.topics.filter((t) => t.name !== ORDERS) };
    expect(reviewContracts(base, head)).toEqual([]);
    expect(reviewContracts(head, base)).toEqual([]);
  });
});
