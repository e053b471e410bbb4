// The portal files' YAML emitter writes exactly what the `yaml` library writes with the portal options, on the portal
// documents of real topologies and on random JSON built from the characters YAML treats specially; where it gives up
// (undefined), portalYaml falls back to the library, so the files never change.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asyncApiDocument, portalDomains } from '../../../artifacts/portal/asyncapi';
import { catalogEntities, catalogLocation, serviceUses } from '../../../artifacts/portal/backstage';
import { libraryYaml, portalYaml } from '../../../artifacts/portal/yaml';
import { emitYaml } from '../../../artifacts/portal/yaml-emitter';
import type { Topology } from '../../../model/topology';
import { everyClientTopology } from '../every-client-fixture';
import { edgeCaseTopology, exampleTopologies } from '../fixtures';

/** Characters that decide plain versus quoted scalars in YAML, and ordinary ones. */
const YAML_CHARS = [...'abcXYZ019 .-_:#&*!|>\'"%@`?,[]{}~+eExo/\\$é€', '\t', '\n', '\r', '\u0000', '\u0085', '\u2028', '\ud800'];
const tricky = fc.oneof(
  fc.string({ unit: fc.constantFrom(...YAML_CHARS), maxLength: 12 }),
  fc.constantFrom(
    '',
    'null',
    'Null',
    '~',
    'true',
    'FALSE',
    'yes',
    '0o17',
    '0x1F',
    '12',
    '-3',
    '+4',
    '1.5',
    '.5',
    '1e3',
    '.inf',
    '-.Inf',
    '.NaN',
    '---x',
    '...',
    '- a',
    '? b',
    'a: b',
    'a #b',
    'a:',
    ' a',
    'a ',
  ),
  fc.string({ maxLength: 20 }),
);
const scalar = fc.oneof(tricky, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const json = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(tricky, tie('value'), { maxKeys: 4 }),
  ),
})).value;

function portalDocuments(topologies: readonly Topology[]): unknown[] {
  const domains = portalDomains(topologies);
  const uses = serviceUses(topologies);
  return [
    ...domains.flatMap((domain) => [asyncApiDocument(domain, topologies), ...catalogEntities(domain, topologies, uses)]),
    catalogLocation(domains, (d) => `./${d}/catalog-info.yaml`),
  ];
}

describe('the portal YAML emitter', () => {
  it.each<[string, () => readonly Topology[]]>([
    ['the examples', exampleTopologies],
    ['the edge cases', () => [edgeCaseTopology()]],
    ['every client kind', () => [everyClientTopology()]],
  ])('writes every portal document of %s itself, byte for byte what the library writes', (_, topologies) => {
    const documents = portalDocuments(topologies());
    expect(documents.length).toBeGreaterThan(1);
    for (const document of documents) expect(emitYaml(document)).toBe(libraryYaml(document));
  });

  it('equals the library wherever it writes, on random JSON with YAML-special characters', () => {
    fc.assert(
      fc.property(json, (value) => {
        const emitted = emitYaml(value);
        if (emitted !== undefined) expect(emitted).toBe(libraryYaml(value));
        expect(portalYaml(value)).toBe(libraryYaml(value));
      }),
      { numRuns: 3_000 },
    );
  });

  it('covers every string on one line without control characters, tabs or a leading document marker', () => {
    // eslint-disable-next-line no-control-regex -- control characters are what the emitter leaves to the library
    const oneLine = fc.string({ unit: fc.constantFrom(...YAML_CHARS.filter((c) => !/[\u0000-\u001f\u0085\u2028\ud800]/.test(c))), maxLength: 12 });
    expectMappingsLikeLibrary(oneLine, { listLength: 3, maxKeys: 4, numRuns: 2_000 });
  });

  it('quotes, as the library does, each form the core schema reads as null, a boolean or a number, as key and value', () => {
    // Every first character such a string can have: the emitter skips the core schema's expressions for the others.
    const forms = ['', '~', 'null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '0o17', '0x1F', '.inf', '.NaN'];
    const numbers = [...'0123456789'].flatMap((d) => [d, `${d}.5`, `${d}e3`]).concat(['+1', '-1', '+.5', '-.Inf', '.5', '.5E-3']);
    for (const text of [...forms, ...numbers]) {
      const value = { [text]: text, list: [text] };
      expect(emitYaml(value)).toBe(libraryYaml(value));
    }
  });

  it('writes words (letters, digits, _$./-) as the library does: plain unless the core schema reads them as another type', () => {
    const word = fc.string({ unit: fc.constantFrom(...'aZ09_$./-:exontrufalsEIN'), minLength: 1, maxLength: 8 });
    expectMappingsLikeLibrary(word, { listLength: 2, maxKeys: 3, numRuns: 3_000 });
  });

  it('writes objects without a defined value as the library does, nested and at the top', () => {
    for (const value of [{ a: {}, b: { c: undefined } }, [{}, { d: undefined }, [{ e: {} }]], { f: [{ g: undefined }] }]) {
      expect(emitYaml(value)).toBe(libraryYaml(value));
    }
    expect(emitYaml({ a: undefined })).toBeUndefined();
  });

  it('writes a multi-line value as the library does: a literal block, chomped or clipped', () => {
    for (const value of [{ a: 'one\ntwo' }, { a: ['one\n\ntwo: x #\n'] }, [{ b: { c: 'x\n y' } }]]) {
      expect(emitYaml(value)).toBe(libraryYaml(value));
    }
  });

  it('leaves other multi-line strings, undefined items, bigints and class instances to the library', () => {
    for (const value of [
      { a: ' one\ntwo' },
      { a: 'one\n\n' },
      { a: 'one\ntwo ' },
      { 'k\ney': 1 },
      [undefined],
      { n: 1n },
      { d: new Date(0) },
      { k: '---' },
      'scalar',
      {},
      [],
    ]) {
      expect(emitYaml(value)).toBeUndefined();
      expect(() => portalYaml(value)).not.toThrow();
    }
  });
});

/**
 * Mappings whose keys and values (or lists of values) are drawn from `text` come out of the emitter as the library
 * writes them. A leading document marker is the library's to write (tested on its own), so such values are skipped.
 */
function expectMappingsLikeLibrary(text: fc.Arbitrary<string>, shape: { listLength: number; maxKeys: number; numRuns: number }): void {
  const mapping = fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: shape.listLength })), { minKeys: 1, maxKeys: shape.maxKeys });
  fc.assert(
    fc.property(mapping, (value) => {
      fc.pre(
        !Object.entries(value)
          .flat(2)
          .some((s) => s.startsWith('---') || s.startsWith('...')),
      );
      expect(emitYaml(value)).toBe(libraryYaml(value));
    }),
    { numRuns: shape.numRuns },
  );
}
