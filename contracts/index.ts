/**
 * Event contracts: declared schemas as JSON Schema, their Schema Registry subjects, Confluent-style compatibility
 * checks, the schema files synth writes, and the contract part of review. Pure: no cdktf, no file system.
 */
export { checkCompatibility, consequence, diffSchemas, type CompatibilityFinding, type SchemaChange } from './compatibility';
export { convertContractSchemas, JSON_SCHEMA_CONVERSION, toJsonSchema, type SchemaInput } from './convert';
export { appendVersion, checkAgainstHistory, type HistoryFinding } from './history';
export type { ContentModel, JsonSchema, JsonSchemaObject } from './json-schema';
export { keyFieldStatus, type KeyFieldStatus } from './key-field';
export { checksOf, DIRECTIONS, modeChange, type Direction, type ModeChange } from './modes';
export { environmentOfSchemaFile, isGeneratedSchemaFile, renderSchemaFile, SCHEMA_FILE_MARKER, SCHEMA_ROOT, schemaFilePath, schemaFiles } from './output';
export {
  CONTRACT_RULES,
  CONTRACT_VERDICTS,
  reviewContracts,
  type ContractFinding,
  type ContractReviewOptions,
  type ContractRule,
  type ContractVerdict,
} from './review';
export { CHANGE_RULES, RULE_DOCS, type ChangeRule, type RuleDoc } from './rules';
export { declaredSchemas, subjectNamingOf, subjectsOf, type Subject } from './subjects';
