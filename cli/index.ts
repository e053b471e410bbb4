/**
 * `topicform/cli`: the synth pipeline for programs and tests — `synthesize(buildApp, outdir)` validates, lints and
 * writes like `topicform synth`, and returns the result instead of printing it; `synthMain(buildApp)` runs it with
 * `topicform synth`'s command-line options, for an app file run directly.
 */
export { runSynth, synthesize, GENERATED_STACK_FILES, type SynthOptions, type SynthResult } from './synth';
export { loadAppBuilder, UsageError, type AppBuilder } from './load-app';
export { main } from './main';
export { synthMain } from './commands/synth';
