/**
 * One stack's synthesis as cdktf's `StackSynthesizer.synthesize()` (0.21.0, lib/synthesize/synthesizer.js) does it —
 * aspects, the resource-move validation, the stack's validations, custom synthesis, annotations into the manifest, an
 * error annotation stopping synthesis — except its last step: instead of writing `toTerraform()` with
 * json-stable-stringify for synth to read back and canonicalize, it returns the JSON, which synth writes once in its
 * canonical form. At 10,000 topics json-stable-stringify and the read-back were ~3 s of the main thread.
 *
 * Terraform JSON only: cdktf's HCL output (`SYNTH_HCL_OUTPUT`) is not what topicform synthesizes.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { AnnotationMetadataEntryType, ConstructOrder, type App, type IConstruct, type TerraformStack } from '../cdktf';
import {
  continuesOnErrorAnnotations,
  customSynthesisOf,
  invokeAspects,
  isDefaultStackSynthesizer,
  setManifestAnnotations,
  terraformVersionValidation,
} from './internals';

export type Session = Parameters<TerraformStack['synthesizer']['synthesize']>[0];

const ANNOTATION_TYPES: readonly string[] = [AnnotationMetadataEntryType.INFO, AnnotationMetadataEntryType.WARN, AnnotationMetadataEntryType.ERROR];

/** A synthesis session for `app`, as App.synth() makes one. */
export function synthesisSession(app: App): Session {
  return { outdir: app.outdir, skipValidation: app.skipValidation, manifest: app.manifest };
}

/** Synthesizes `stack` as cdktf would and returns its Terraform JSON (what cdktf would write to `cdk.tf.json`). */
export function synthesizeStackJson(stack: TerraformStack, session: Session): unknown {
  if (!isDefaultStackSynthesizer(stack.synthesizer)) {
    throw new Error(
      `stack ${stack.node.path} has a stack synthesizer of its own: topicform synthesizes each stack the way cdktf's default synthesizer does and writes its Terraform JSON itself, so it cannot run another; remove the custom synthesizer`,
    );
  }
  invokeAspects(stack);
  if (stack.hasResourceMove()) {
    stack.node.addValidation(
      terraformVersionValidation('>=1.5', 'Resource move functionality is only supported for Terraform >=1.5. Please upgrade your Terraform version.'),
    );
  }
  if (session.skipValidation !== true) stack.runAllValidations();

  const stackManifest = session.manifest.forStack(stack);
  const workingDirectory = join(session.outdir, stackManifest.workingDirectory);
  if (!existsSync(workingDirectory)) mkdirSync(workingDirectory);

  for (const node of stack.node.findAll(ConstructOrder.POSTORDER)) customSynthesisOf<Session>(node)?.onSynthesize(session);

  const annotations = stack.node.findAll().flatMap((node: IConstruct) =>
    node.node.metadata
      .filter((entry) => ANNOTATION_TYPES.includes(entry.type))
      .map((entry) => ({
        constructPath: node.node.path,
        level: entry.type as AnnotationMetadataEntryType,
        message: entry.data as string,
        stacktrace: entry.trace,
      })),
  );
  // cdktf's manifest entry is read-only to its users; the synthesizer is where cdktf itself fills it in.
  setManifestAnnotations(stackManifest, annotations);
  const errors = annotations.filter((a) => a.level === AnnotationMetadataEntryType.ERROR);
  if (!continuesOnErrorAnnotations(stack.synthesizer) && errors.length > 0) {
    // cdktf's encounteredAnnotationWithLevelError (lib/errors.js), word for word.
    const list = errors.map((a) => `[${a.constructPath}] ${a.message}`).join('\n');
    throw new Error(
      `Encountered Annotations with level "ERROR":\n${list}\n\nEither fix the issues above, or set the environment variable CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS to ignore these annotations.\n`,
    );
  }
  return stack.toTerraform();
}
