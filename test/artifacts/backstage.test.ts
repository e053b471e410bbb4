// The Backstage catalog files synth writes (portal/) validate as Backstage's catalog validates an entity: the kind's
// JSON Schema from @backstage/catalog-model 1.10.1 (test/fixtures/backstage, with ajv as the package configures it),
// the field formats of its FieldFormatEntityPolicy, `$text` placeholders resolved relative to the catalog file, and
// every relation pointing at an entity the files define (or, for owners, at a group or user reference).
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { generateArtifacts } from '../../artifacts';
import { catalogEntities } from '../../artifacts/portal/backstage';
import { entityName, ownerRef } from '../../artifacts/portal/names';
import type { Topology } from '../../model/topology';
import { everyClientTopology } from './every-client-fixture';
import { edgeCaseTopology, exampleTopologies, exampleTopology } from './fixtures';

const SCHEMAS = join(__dirname, '..', 'fixtures', 'backstage');
const schema = (file: string): object => JSON.parse(readFileSync(join(SCHEMAS, file), 'utf8')) as object;
const KINDS: Record<string, string> = { API: 'API', Component: 'Component', Location: 'Location', Resource: 'Resource', System: 'System' };

/** As @backstage/catalog-model's compileAjvSchema: allowUnionTypes, allErrors, the shared schemas added by $id. */
function kindValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ allowUnionTypes: true, allErrors: true, validateSchema: true, strict: false });
  ajv.addSchema([schema('EntityEnvelope.schema.json'), schema('Entity.schema.json'), schema('EntityMeta.schema.json'), schema('shared.common.schema.json')]);
  return new Map(Object.entries(KINDS).map(([kind, file]) => [kind, ajv.compile(schema(`kinds/${file}.v1alpha1.schema.json`))]));
}

// FieldFormatEntityPolicy's checks (KubernetesValidatorFunctions, CommonValidatorFunctions, catalog-model 1.10.1).
const isValidObjectName = (v: unknown): boolean =>
  typeof v === 'string' && v.length >= 1 && v.length <= 63 && /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/.test(v);
const isValidTag = (v: unknown): boolean => typeof v === 'string' && v.length >= 1 && v.length <= 63 && /^[a-z0-9+#]+(-[a-z0-9+#]+)*$/.test(v);
const isValidKind = (v: unknown): boolean => typeof v === 'string' && v.length <= 63 && /^[a-zA-Z][a-z0-9A-Z]*$/.test(v);

type Entity = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; tags?: string[] }; spec: Record<string, unknown> };

/** Every entity of the portal files, with `$text` placeholders resolved as Backstage's PlaceholderProcessor does. */
function loadCatalog(files: ReadonlyMap<string, string>): Array<{ file: string; entity: Entity }> {
  const loaded: Array<{ file: string; entity: Entity }> = [];
  for (const [file, content] of files) {
    if (!file.startsWith('portal/') || !file.endsWith('catalog-info.yaml')) continue;
    for (const doc of parseAllDocuments(content, { version: '1.2' })) {
      expect(doc.errors, file).toEqual([]);
      const entity = doc.toJS() as Entity;
      const definition = entity.spec.definition as { $text?: string } | undefined;
      if (definition?.$text !== undefined) {
        const target = posix.normalize(posix.join(posix.dirname(file), definition.$text));
        const text = files.get(target);
        expect(text, `${file}: $text ${definition.$text} → ${target}`).toBeDefined();
        entity.spec.definition = text;
      }
      loaded.push({ file, entity });
    }
  }
  return loaded;
}

const ref = (kind: string, name: string): string => `${kind.toLowerCase()}:default/${name}`;
/** A relation target as Backstage parses it: `[kind:][namespace/]name`, kind and namespace defaulted. */
function parseRef(value: string, defaultKind: string): string {
  const colon = value.indexOf(':');
  const kind = colon < 0 ? defaultKind : value.slice(0, colon);
  const rest = colon < 0 ? value : value.slice(colon + 1);
  const slash = rest.indexOf('/');
  return `${kind.toLowerCase()}:${slash < 0 ? 'default' : rest.slice(0, slash)}/${slash < 0 ? rest : rest.slice(slash + 1)}`;
}

describe.each<[string, () => readonly Topology[]]>([
  ['the examples', exampleTopologies],
  ['the edge cases', () => [edgeCaseTopology()]],
  ['every client kind (Kafka Streams, Connect)', () => [everyClientTopology()]],
])('Backstage catalog of %s', (_, topologies) => {
  const files = generateArtifacts(topologies());
  const entities = loadCatalog(files);
  const validators = kindValidators();

  it('has a System, an asyncapi API, Resources and Components, each valid against its kind schema', () => {
    expect(entities.length).toBeGreaterThan(3);
    for (const { file, entity } of entities) {
      const validate = validators.get(entity.kind);
      expect(validate, `${file}: kind ${entity.kind}`).toBeDefined();
      const ok = validate?.(entity);
      expect(validate?.errors ?? [], `${file} ${entity.kind}:${entity.metadata.name}`).toEqual([]);
      expect(ok).toBe(true);
    }
    expect(new Set(entities.map((e) => e.entity.kind))).toEqual(new Set(['Location', 'System', 'API', 'Component', 'Resource']));
  });

  it('passes the field format policy: kinds, names and tags', () => {
    for (const { file, entity } of entities) {
      expect(isValidKind(entity.kind), `${file} kind`).toBe(true);
      expect(isValidObjectName(entity.metadata.name), `${file} name ${entity.metadata.name}`).toBe(true);
      for (const tag of entity.metadata.tags ?? []) expect(isValidTag(tag), `${file} tag ${tag}`).toBe(true);
    }
  });

  it('defines each entity once across all files', () => {
    const refs = entities.map(({ entity }) => ref(entity.kind, entity.metadata.name));
    expect(refs.length).toBe(new Set(refs).size);
  });

  it('relates only to entities it defines, and owners are group or user references', () => {
    const defined = new Set(entities.map(({ entity }) => ref(entity.kind, entity.metadata.name)));
    for (const { file, entity } of entities) {
      const spec = entity.spec;
      if (typeof spec.owner === 'string') {
        expect(spec.owner, file).toMatch(/^(group|user):/);
        const name = spec.owner.slice(spec.owner.indexOf(':') + 1);
        expect(isValidObjectName(name), `${file} owner ${spec.owner}`).toBe(true);
      }
      if (typeof spec.system === 'string') expect(defined, `${file} system`).toContain(parseRef(spec.system, 'system'));
      for (const api of [...((spec.providesApis as string[] | undefined) ?? []), ...((spec.consumesApis as string[] | undefined) ?? [])]) {
        expect(defined, `${file} api ${api}`).toContain(parseRef(api, 'api'));
      }
      for (const dependency of (spec.dependsOn as string[] | undefined) ?? []) {
        expect(defined, `${file} dependsOn ${dependency}`).toContain(parseRef(dependency, 'component'));
      }
    }
  });

  it("points each API at its domain's AsyncAPI document, and the Location at every catalog file", () => {
    const apis = entities.filter(({ entity }) => entity.kind === 'API');
    for (const { file, entity } of apis) {
      expect(entity.spec.type).toBe('asyncapi');
      expect(entity.spec.definition, file).toBe(files.get(posix.join(posix.dirname(file), 'asyncapi.yaml')));
    }
    const location = entities.find(({ entity }) => entity.kind === 'Location');
    const targets = (location?.entity.spec.targets as string[] | undefined) ?? [];
    const catalogs = [...files.keys()].filter((f) => /^portal\/[^/]+\/catalog-info\.yaml$/.test(f));
    expect(targets.map((t) => posix.join('portal', t))).toEqual(catalogs);
  });

  it('gives every domain its System and API, owned by the domain owner, and relates producers and consumers', () => {
    for (const topology of topologies()) {
      for (const domain of topology.domains) {
        const system = entities.find(({ entity }) => entity.kind === 'System' && entity.metadata.name === domain.name);
        expect(system?.entity.spec.owner).toBe(ownerRef(domain.owner));
        expect(entities.some(({ entity }) => entity.kind === 'API' && entity.metadata.name === `${domain.name}-events`)).toBe(true);
      }
      for (const producer of topology.producers) {
        const component = entities.find(({ entity }) => entity.kind === 'Component' && entity.metadata.name === entityName(producer.service));
        expect(component?.entity.spec.providesApis, producer.service).toContain(`${producer.topic.domain}-events`);
      }
      for (const group of topology.consumerGroups) {
        const component = entities.find(({ entity }) => entity.kind === 'Component' && entity.metadata.name === entityName(group.service));
        expect(component, group.service).toBeDefined();
        expect((component?.entity.spec.consumesApis as string[] | undefined)?.length ?? 0, group.service).toBeGreaterThan(0);
      }
    }
  });
});

describe("a topic's Resource", () => {
  type Meta = { name: string; title?: string; description: string };
  const resources = (topology: Topology): Meta[] =>
    (catalogEntities('orders', [topology]) as Array<{ kind: string; metadata: Meta }>).filter((e) => e.kind === 'Resource').map((e) => e.metadata);

  it('is named as its topic with no title, describes the topic without repeating its name, and the API says so once', () => {
    const prod = exampleTopology('prod');
    const all = resources(prod);
    // topics/orders.ts: order-created ("An order was placed"), read by orders.payment with a DLQ and three retry tiers.
    expect(all.find((r) => r.name === 'orders.order-created')).toEqual({
      name: 'orders.order-created',
      description: 'An order was placed.',
      tags: ['kafka-topic'],
    });
    expect(all.find((r) => r.name === 'orders.order-created.payment.dlq')?.description).toBe('Dead letters of consumer group orders.payment.');
    for (const r of all) {
      expect(r.title, r.name).toBeUndefined();
      expect(r.description, r.name).not.toContain(r.name);
    }
    const api = (catalogEntities('orders', [prod]) as Array<{ kind: string; metadata: Meta }>).find((e) => e.kind === 'API');
    expect(api?.metadata.description).toBe(
      "The topics of domain orders, in every environment: Order lifecycle: orders placed, paid and fulfilled. Each topic is a Resource of type kafka-topic named as the Kafka topic without its environment's prefix (one entity for every environment; a name Backstage would refuse is shortened, and the topic is then its title).",
    );
  });

  it('keeps the topic as its title where the name had to be shortened', () => {
    const prod = exampleTopology('prod');
    const created = prod.topics.find((t) => t.name === 'orders.order-created');
    if (created === undefined) throw new Error('no orders.order-created');
    const long = `orders.${'a'.repeat(70)}`;
    const shortened = resources({ ...prod, topics: [...prod.topics, { ...created, name: long }] }).find((r) => r.title === long);
    expect(shortened?.name).toBe(entityName(long));
    expect(shortened?.name).not.toBe(long);
  });
});

describe('Backstage names', () => {
  it('keeps a valid name and shortens a long or illegal one to a valid, distinct name', () => {
    expect(entityName('orders.order-created')).toBe('orders.order-created');
    const long = `${'a'.repeat(70)}.x`;
    const other = `${'a'.repeat(70)}.y`;
    expect(isValidObjectName(entityName(long))).toBe(true);
    expect(entityName(long)).not.toBe(entityName(other));
    expect(isValidObjectName(entityName('_private__topic_'))).toBe(true);
    expect(isValidObjectName(entityName('...'))).toBe(true);
  });

  it('maps CODEOWNERS handles to Backstage owners', () => {
    expect(ownerRef('@acme/orders-team')).toBe('group:orders-team');
    expect(ownerRef('@alice')).toBe('user:alice');
  });

  it('rejects an entity the schema forbids (the validator is live)', () => {
    const validate = kindValidators().get('API');
    expect(
      validate?.({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'API',
        metadata: { name: 'x' },
        spec: { type: 'asyncapi', lifecycle: 'production', owner: 'group:x' },
      }),
    ).toBe(false);
  });
});
