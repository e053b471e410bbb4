/**
 * Synthesizes KafkaStacks one at a time: each is rendered, prepared and written by cdktf's own stack synthesizer (its
 * aspects, validations and annotations included), handed to `written`, then released from the construct tree before
 * the next one renders. cdktf's `App.synth()` instead prepares every stack before writing any, so the whole tree —
 * about 1 KiB per resource — is alive at once; one stack at a time keeps the heap, and the garbage collector's work,
 * to one stack's share (README "Performance").
 *
 * The price is cross-stack references: cdktf wires them (an output in one stack, remote state in the other) while
 * preparing, which needs every stack alive. topicform's stacks are independent states by design, so a stack that gains
 * a dependency is an error naming both stacks.
 */
import { join } from 'node:path';
import type { App } from './cdktf';
import type { KafkaStack } from './kafka-stack';

/** What `manifest.json` holds: cdktf's manifest of the stacks written. */
export interface SynthManifest {
  readonly version: string;
  readonly stacks: Readonly<Record<string, unknown>>;
}

/**
 * Writes each stack's `stacks/<id>/cdk.tf.json` under the app's outdir, in the order given, calling `written` with the
 * stack and the file's path after each; returns the manifest of the stacks written (not written to disk).
 */
export function synthesizeStacks(app: App, stacks: readonly KafkaStack[], written: (stack: KafkaStack, file: string) => void): SynthManifest {
  const session = { outdir: app.outdir, skipValidation: app.skipValidation, manifest: app.manifest };
  for (const stack of stacks) {
    stack.prepareStack();
    const dependency = stack.dependencies[0];
    if (dependency !== undefined) {
      throw new Error(`stack ${stack.node.path} refers to stack ${dependency.node.path}: topicform stacks are independent Terraform states and cannot reference each other's resources; pass the value (a topic name, a principal) as a string instead`);
    }
    stack.synthesizer.synthesize(session);
    written(stack, join(app.outdir, app.manifest.forStack(stack).synthesizedStackPath));
    stack.release();
  }
  return app.manifest.buildManifest();
}
