import { keyFieldStatus } from '../../contracts/key-field';
import { declaredSchemas } from '../../contracts/subjects';
import { COMPLIANT, NOT_APPLICABLE, defineRule, unknown, violations, type Violation } from '../types';

export const keyFieldInSchema = defineRule({
  id: 'TF-CONTRACT-003',
  level: 'error',
  appliesTo: 'topic',
  title: 'The declared key field is not a required, non-null field of the event schema.',
  rationale:
    'The key is the ordering scope: an event without it, or with a null key, loses per-key ordering, lands on an arbitrary partition, and a compacted topic rejects it.',
  fix: 'make key.field a required property of every event schema (of every union option), or correct key.field',
  check: (topic) => {
    if (topic.kind !== 'event' || topic.key === null) return NOT_APPLICABLE;
    const schemas = declaredSchemas(topic.contract);
    if (schemas.size === 0) return NOT_APPLICABLE; // TF-CONTRACT-004 reports the missing schema
    const field = topic.key.field;
    const found: Violation[] = [];
    for (const [name, schema] of schemas) {
      const where = name === 'value' ? 'the event schema' : `the ${name} schema`;
      const result = keyFieldStatus(schema, field);
      switch (result.status) {
        case 'required':
          break;
        case 'unknown':
          return unknown('key.field', `cannot tell whether key field "${field}" is required in ${where}: ${result.reason}`);
        case 'missing':
          found.push({ field: 'key.field', message: `key field "${field}" is not declared in ${where} (missing at "${result.at}")` });
          break;
        case 'optional':
          found.push({ field: 'key.field', message: `key field "${field}" is optional in ${where} ("${result.at}" is not required)` });
          break;
        case 'nullable':
          found.push({ field: 'key.field', message: `key field "${field}" may be null in ${where} (at "${result.at}")` });
          break;
      }
    }
    return found.length === 0 ? COMPLIANT : violations(...found);
  },
});
