/**
 * Constructs that carry a declaration: plain data the stack collects into the model (DESIGN.md: synth first collects
 * the construct tree into one pure Topology value; lint, review and docs read that value, never the tree).
 */
import { Construct, type IConstruct } from './cdktf';
import { callerLocation } from './source-location';
import type { SourceLocation } from '../model/schema';

export type DeclarationKind = 'domain' | 'topic' | 'consumerGroup' | 'producer' | 'legacyAcl' | 'connectCluster' | 'connector' | 'streamsApplication';

export abstract class DeclarationConstruct extends Construct {
  /** Where this declaration was written, for errors and findings. */
  readonly source: SourceLocation;
  /** The name as declared; the construct id differs for a duplicate (see `freeId`). */
  readonly declaredName: string;

  protected constructor(scope: Construct, name: string) {
    super(scope, freeId(scope, name));
    this.declaredName = name;
    const at = callerLocation();
    this.source = { path: this.node.path, ...(at === undefined ? {} : { file: at.file, line: at.line }) };
  }

  abstract readonly declarationKind: DeclarationKind;

  /** The declaration as plain data; validated by the model, not here. */
  abstract toDeclaration(): Record<string, unknown>;
}

export function isDeclaration(construct: unknown): construct is DeclarationConstruct {
  return construct instanceof DeclarationConstruct;
}

/**
 * The construct id for a declared name: the name itself, or, when the scope already holds a child of that name (the
 * same domain, topic or group declared twice) or the name is empty, `<name> (2)`, `<name> (3)`… The model then reports
 * the duplicate or the bad name as a declaration error with file, line and field, instead of the constructs library
 * throwing "There is already a Construct with name …" with neither.
 */
export function freeId(scope: IConstruct, name: unknown): string {
  const base = typeof name === 'string' && name !== '' ? name : `(${typeof name === 'string' ? 'empty' : String(name)})`;
  if (scope.node.tryFindChild(base) === undefined) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (scope.node.tryFindChild(candidate) === undefined) return candidate;
  }
}
