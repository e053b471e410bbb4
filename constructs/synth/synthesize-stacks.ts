/**
 * Synthesizes KafkaStacks one at a time: each is rendered, prepared and synthesized as cdktf's stack synthesizer does
 * it (its aspects, validations and annotations included; constructs/synth/stack-synthesis.ts), its Terraform JSON handed to
 * `written`, then released from the construct tree before the next one renders. cdktf's `App.synth()` instead
 * prepares every stack before writing any, so the whole tree — about 1 KiB per resource — is alive at once; one stack
 * at a time keeps the heap, and the garbage collector's work, to one stack's share (README "Performance").
 *
 * The price is cross-stack references: cdktf wires them (an output in one stack, remote state in the other) while
 * preparing, which needs every stack alive. topicform's stacks are independent states by design, so a stack that gains
 * a dependency is an error naming both stacks.
 */
import type { App } from '../cdktf';
import type { KafkaStack } from '../kafka-stack';
import { synthesisSession, synthesizeStackJson } from './stack-synthesis';

/** What `manifest.json` holds: cdktf's manifest of the stacks written. */
export interface SynthManifest {
  readonly version: string;
  readonly stacks: Readonly<Record<string, unknown>>;
}

/**
 * Synthesizes each stack in the order given, calling `written` with the stack and the Terraform JSON cdktf would write
 * to its `stacks/<id>/cdk.tf.json` (the caller writes it); returns the manifest of the stacks synthesized (not written
 * to disk).
 */
export function synthesizeStacks(app: App, stacks: readonly KafkaStack[], written: (stack: KafkaStack, json: unknown) => void): SynthManifest {
  const session = synthesisSession(app);
  for (const stack of stacks) {
    stack.prepareStack();
    const dependency = stack.dependencies[0];
    if (dependency !== undefined) {
      throw new Error(
        `stack ${stack.node.path} refers to stack ${dependency.node.path}: topicform stacks are independent Terraform states and cannot reference each other's resources; pass the value (a topic name, a principal) as a string instead`,
      );
    }
    written(stack, synthesizeStackJson(stack, session));
    stack.release();
  }
  return app.manifest.buildManifest();
}
