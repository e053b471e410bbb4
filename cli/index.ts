/**
 * `topicform/cli`: the synth pipeline for programs and tests — `synthesize(buildApp, outdir)` validates, lints and
 * writes like `topicform synth`, and returns the result instead of printing it.
 */
export { runSynth, synthesize, GENERATED_STACK_FILES, type SynthOptions, type SynthResult } from './synth';
export { loadAppBuilder, UsageError, type AppBuilder } from './load-app';
export { main } from './main';
