/**
 * A contract's JSON Schema as an AsyncAPI message payload. An AsyncAPI document resolves every `$ref` against the
 * document itself, so the references zod writes inside a schema (`#/$defs/…` for named or recursive parts, `#` for the
 * schema itself) would point at the wrong place. They are rewritten: each `$defs` entry becomes a schema in
 * `components.schemas`, and `#` points at the message's own payload.
 */
import { canonicalString } from '../../model/canonical-json';

type Json = Record<string, unknown>;

/** AsyncAPI 3.0 multi-format schema: the contract schemas are JSON Schema, whose draft-07 keywords zod emits. */
export const PAYLOAD_SCHEMA_FORMAT = 'application/schema+json;version=draft-07';

export interface Payload {
  /** The message's `payload` (a multi-format schema object). */
  readonly payload: Json;
  /** Schemas for `components.schemas`, by key, from the schema's `$defs`. */
  readonly schemas: ReadonlyArray<readonly [string, Json]>;
}

/**
 * `schema` as the payload of the message `components.messages[messageKey]`; keys sorted, as topology.json stores them,
 * so the document is the same whether rendered from synth's Topology or from one read back.
 */
export function messagePayload(schema: Json, messageKey: string): Payload {
  // The dialect goes (the payload's schemaFormat says it); $defs move to components.schemas.
  const { $defs, ...rest } = JSON.parse(canonicalString(schema)) as Json & { $defs?: Record<string, Json> };
  delete rest.$schema;
  const defKey = (name: string): string => `${messageKey}.${name.replace(/[^\w.-]/g, '_')}`;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (k !== '$ref' || typeof v !== 'string') return [k, rewrite(v)];
        if (v === '#') return [k, `#/components/messages/${messageKey}/payload/schema`];
        const def = /^#\/\$defs\/([^/]+)$/.exec(v)?.[1];
        return [k, def === undefined ? v : `#/components/schemas/${defKey(decodeURIComponent(def).replace(/~1/g, '/').replace(/~0/g, '~'))}/schema`];
      }),
    );
  };
  const schemas = Object.entries($defs ?? {}).map(([name, def]): readonly [string, Json] => [
    defKey(name),
    { schemaFormat: PAYLOAD_SCHEMA_FORMAT, schema: rewrite(def) },
  ]);
  return { payload: { schemaFormat: PAYLOAD_SCHEMA_FORMAT, schema: rewrite(rest) }, schemas };
}
