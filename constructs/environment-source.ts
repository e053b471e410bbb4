/** Where an environment was declared, for its own errors and findings. */
import type { IConstruct } from './cdktf';
import { callerLocation, exportedObjectLocation } from './source-location';
import type { SourceLocation } from '../model/schema';

/**
 * Where an environment was declared: the module exporting its object (environments.ts) at its `name:` line, or else the
 * code that created the environment.
 */
export function environmentSource(construct: IConstruct, environment: unknown): SourceLocation {
  const name = typeof environment === 'object' && environment !== null ? (environment as { name?: unknown }).name : undefined;
  const at = (typeof environment === 'object' && environment !== null ? exportedObjectLocation(environment, name) : undefined) ?? callerLocation();
  return { path: construct.node.path, ...(at === undefined ? {} : { file: at.file, ...(at.line === undefined ? {} : { line: at.line }) }) };
}
