/** How big a synthesized output is, per part: the types and ratios of the size table (pure; bench/outputs.ts measures). */

/** The parts of an output the size table tells apart: what terraform reads, and the artifacts beside it. */
export const OUTPUT_PARTS = ['stacks', 'docs', 'clients', 'other'] as const;
export type OutputPart = (typeof OUTPUT_PARTS)[number];

export interface PartSize {
  readonly bytes: number;
  readonly files: number;
}

/**
 * Bytes and files of an output, per part: `stacks/` (each stack's cdk.tf.json and topology.json: what terraform, guard
 * and review read), `docs/` (catalog, runbooks, graphs), `clients/` (client configs), and everything else (portal
 * files, schemas, the manifest). Bytes are file sizes, not disk blocks: what an upload or a checkout moves.
 */
export type OutputSize = Readonly<Record<OutputPart | 'total', PartSize>>;

/** Artifacts (everything but the stacks) over the stacks, in bytes: the "no larger than the stacks" aim is ≤ 1. */
export function artifactsPerStacks(size: OutputSize): number {
  return (size.total.bytes - size.stacks.bytes) / size.stacks.bytes;
}
