/**
 * Constructs that carry a declaration: plain data the stack collects into the model (DESIGN.md: synth first collects
 * the construct tree into one pure Topology value; lint, review and docs read that value, never the tree).
 */
import { Construct } from './cdktf';
import { callerLocation } from './source-location';
import type { SourceLocation } from '../model/schema';

export type DeclarationKind = 'domain' | 'topic' | 'consumerGroup' | 'producer' | 'legacyAcl';

export abstract class DeclarationConstruct extends Construct {
  /** Where this declaration was written, for errors and findings. */
  readonly source: SourceLocation;

  protected constructor(scope: Construct, id: string) {
    super(scope, id);
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
