/**
 * The closed vocabulary of schema changes the compatibility checker reports, each with its verdict per direction and
 * the one-line reason (docs/contracts-section.md renders the same table; a test keeps them in step).
 *
 * A rule names the change from the old schema (before) to the new one (after), so the same change carries the same
 * name whichever direction it breaks:
 * - BACKWARD: the new schema reads old events (reader = after, writer = before): upgrade consumers first;
 * - FORWARD: the old schema reads new events (reader = before, writer = after): upgrade producers first;
 * - FULL: both.
 *
 * The semantics are Confluent Schema Registry's JSON Schema rules (io.confluent.kafka.schemaregistry.json.diff) for
 * the content model of each object — closed (`additionalProperties: false`, what the toolkit emits), open or partially
 * open — with these deliberate differences:
 * - JSON Schema's `default` is an annotation that validators do not apply, so a property that becomes required is a
 *   backward-incompatible change even when it has a default (the registry accepts that change; an old event without
 *   the property still fails the new schema);
 * - `anyOf` → `oneOf` is compatible when the options exclude each other (distinct types or a discriminator constant),
 *   where the registry rejects it for any union of more than one option;
 * - `patternProperties`, `allOf`, `not`, conditionals and tuples are not compared: a change there is undecided.
 */

/** Bounds compared numerically: lower bounds tighten upwards, upper bounds downwards. */
export const BOUND_KEYWORDS = ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'maxProperties'] as const;
export type BoundKeyword = (typeof BOUND_KEYWORDS)[number];
export const LOWER_BOUNDS: ReadonlySet<BoundKeyword> = new Set(['minimum', 'minLength', 'minItems', 'minProperties']);

export type BoundRule =
  `${'minimum' | 'maximum' | 'min-length' | 'max-length' | 'min-items' | 'max-items' | 'min-properties' | 'max-properties'}-${'added' | 'removed' | 'increased' | 'decreased'}`;

export const CHANGE_RULES = [
  'type-changed',
  'type-widened',
  'type-narrowed',
  'enum-value-added',
  'enum-value-removed',
  'enum-added',
  'enum-removed',
  'const-changed',
  'nullable-added',
  'nullable-removed',
  'union-option-added',
  'union-option-removed',
  'union-kind-changed',
  'property-added-closed-model',
  'property-added-open-model',
  'property-added-partially-open-model',
  'property-removed-closed-model',
  'property-removed-open-model',
  'property-removed-partially-open-model',
  'required-added',
  'required-removed',
  'content-model-closed',
  'content-model-opened',
  'content-model-narrowed',
  'content-model-widened',
  'multiple-of-added',
  'multiple-of-removed',
  'multiple-of-changed',
  'pattern-added',
  'pattern-removed',
  'pattern-changed',
  'format-added',
  'format-removed',
  'format-changed',
  'unique-items-added',
  'unique-items-removed',
  'unsupported-keyword',
  'unresolved-ref',
] as const;
export type ChangeRule = (typeof CHANGE_RULES)[number] | BoundRule;

/** Whether a change is compatible in a direction: yes, no, or it depends on the schemas involved (checked). */
export type RuleVerdict = 'compatible' | 'breaking' | 'checked' | 'undecided';

export interface RuleDoc {
  readonly backward: RuleVerdict;
  readonly forward: RuleVerdict;
  /** One line: why. */
  readonly reason: string;
}

const TIGHTENED = 'a tighter bound rejects values the old schema allowed: old events may fail the new schema (backward); new events always pass the old one';
const LOOSENED = 'a looser bound accepts everything the old schema did (backward holds); new events may fail the old schema (forward)';

const BOUNDS: Record<BoundRule, RuleDoc> = Object.fromEntries(
  (['minimum', 'maximum', 'min-length', 'max-length', 'min-items', 'max-items', 'min-properties', 'max-properties'] as const).flatMap((k) => {
    const lower = k.startsWith('min');
    const tight: RuleDoc = { backward: 'breaking', forward: 'compatible', reason: TIGHTENED };
    const loose: RuleDoc = { backward: 'compatible', forward: 'breaking', reason: LOOSENED };
    return [
      [`${k}-added`, tight],
      [`${k}-removed`, loose],
      [`${k}-increased`, lower ? tight : loose],
      [`${k}-decreased`, lower ? loose : tight],
    ];
  }),
) as Record<BoundRule, RuleDoc>;

export const RULE_DOCS: Readonly<Record<ChangeRule, RuleDoc>> = {
  'type-changed': { backward: 'breaking', forward: 'breaking', reason: 'no value of the old type is a value of the new one (and vice versa)' },
  'type-widened': {
    backward: 'compatible',
    forward: 'breaking',
    reason: 'the new type accepts every old value (integer → number, a type dropped); old readers reject the new values',
  },
  'type-narrowed': {
    backward: 'breaking',
    forward: 'compatible',
    reason: 'the new type rejects some old values (number → integer, a type added where any was allowed)',
  },
  'enum-value-added': { backward: 'compatible', forward: 'breaking', reason: 'new readers know every old value; old readers reject the added one' },
  'enum-value-removed': { backward: 'breaking', forward: 'compatible', reason: 'old events may carry the removed value, which new readers reject' },
  'enum-added': { backward: 'breaking', forward: 'compatible', reason: 'a value list where any value was allowed rejects old values outside it' },
  'enum-removed': { backward: 'compatible', forward: 'breaking', reason: 'any value is now allowed; old readers reject values outside their list' },
  'const-changed': { backward: 'breaking', forward: 'breaking', reason: 'the old and the new constant have no value in common' },
  'nullable-added': {
    backward: 'compatible',
    forward: 'checked',
    reason: 'new readers accept null and every old value; old readers reject null (unless another of their options accepts it)',
  },
  'nullable-removed': {
    backward: 'checked',
    forward: 'compatible',
    reason: 'old events may carry null, which new readers reject (unless another of their options accepts it)',
  },
  'union-option-added': {
    backward: 'compatible',
    forward: 'checked',
    reason: 'old events match an old option, still there; a new event of the added option breaks old readers unless an old option accepts it',
  },
  'union-option-removed': {
    backward: 'checked',
    forward: 'compatible',
    reason: 'old events of the removed option break new readers unless a remaining option accepts them',
  },
  'union-kind-changed': {
    backward: 'checked',
    forward: 'checked',
    reason:
      'a oneOf reader rejects a value that matches two of its options: anyOf → oneOf breaks unless the options exclude each other (a type or a discriminator constant)',
  },
  'property-added-closed-model': {
    backward: 'compatible',
    forward: 'breaking',
    reason: 'the old schema is closed: old events never carry the property; old readers reject new events that do',
  },
  'property-added-open-model': {
    backward: 'checked',
    forward: 'compatible',
    reason: 'the old schema is open: old events may carry the property with any value, so new readers must accept any value there; old readers accept it',
  },
  'property-added-partially-open-model': {
    backward: 'checked',
    forward: 'checked',
    reason: 'old events may carry it as an additional property: its new schema must accept the old additionalProperties schema, and vice versa for old readers',
  },
  'property-removed-closed-model': {
    backward: 'breaking',
    forward: 'compatible',
    reason: 'the new schema is closed: old events that carry the property fail it; new events never carry it',
  },
  'property-removed-open-model': {
    backward: 'compatible',
    forward: 'checked',
    reason:
      'the new schema is open and accepts the property with any value; old readers still check it, so new events may break them unless its old schema accepted anything',
  },
  'property-removed-partially-open-model': {
    backward: 'checked',
    forward: 'checked',
    reason: 'the property falls under the new additionalProperties schema, which must accept its old schema (and vice versa for old readers)',
  },
  'required-added': {
    backward: 'breaking',
    forward: 'compatible',
    reason: 'old events may lack the property; a JSON Schema `default` does not fill it in, so they fail the new schema',
  },
  'required-removed': { backward: 'compatible', forward: 'breaking', reason: 'new events may lack the property, which old readers require' },
  'content-model-closed': {
    backward: 'breaking',
    forward: 'compatible',
    reason: 'old events may carry undeclared properties, which the new closed schema rejects',
  },
  'content-model-opened': {
    backward: 'compatible',
    forward: 'breaking',
    reason: 'new events may carry undeclared properties, which the old closed schema rejects',
  },
  'content-model-narrowed': {
    backward: 'checked',
    forward: 'compatible',
    reason: 'undeclared properties of old events must match the new additionalProperties schema',
  },
  'content-model-widened': {
    backward: 'compatible',
    forward: 'checked',
    reason: 'undeclared properties of new events must match the old additionalProperties schema',
  },
  ...BOUNDS,
  'multiple-of-added': { backward: 'breaking', forward: 'compatible', reason: 'old values need not be multiples' },
  'multiple-of-removed': { backward: 'compatible', forward: 'breaking', reason: 'new values need not be multiples of the old factor' },
  'multiple-of-changed': { backward: 'checked', forward: 'checked', reason: 'compatible where the writer’s factor is a multiple of the reader’s' },
  'pattern-added': { backward: 'breaking', forward: 'compatible', reason: 'old strings need not match the pattern' },
  'pattern-removed': { backward: 'compatible', forward: 'breaking', reason: 'new strings need not match the old pattern' },
  'pattern-changed': {
    backward: 'breaking',
    forward: 'breaking',
    reason: 'inclusion of regular expressions is not checked: a changed pattern counts as breaking both ways (as in the registry)',
  },
  'format-added': { backward: 'breaking', forward: 'compatible', reason: 'old strings need not have the format (validators that assert formats reject them)' },
  'format-removed': { backward: 'compatible', forward: 'breaking', reason: 'new strings need not have the old format' },
  'format-changed': { backward: 'breaking', forward: 'breaking', reason: 'the formats are not compared: a changed format counts as breaking both ways' },
  'unique-items-added': { backward: 'breaking', forward: 'compatible', reason: 'old arrays may repeat items' },
  'unique-items-removed': { backward: 'compatible', forward: 'breaking', reason: 'new arrays may repeat items' },
  'unsupported-keyword': {
    backward: 'undecided',
    forward: 'undecided',
    reason: 'the keyword (allOf, not, if/then/else, patternProperties, prefixItems, …) changed and the checker does not compare it: a human decides',
  },
  'unresolved-ref': { backward: 'undecided', forward: 'undecided', reason: 'a $ref outside the document cannot be followed: a human decides' },
};

/** The change-rule name of a bound keyword: `minLength` → `min-length`. */
export function boundRuleName(keyword: BoundKeyword, change: 'added' | 'removed' | 'increased' | 'decreased'): BoundRule {
  return `${keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}-${change}` as BoundRule;
}
