/**
 * The synth pipeline (DESIGN.md "Atomic, non-destructive writes"): validate every stack first, synthesize into a
 * staging folder beside the output, make every file canonical, then move each generated file into place atomically.
 * Nothing is written when anything fails, and files terraform keeps beside the output (.terraform/, lock files, state)
 * are never touched.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve as resolvePath } from 'node:path';
import type { App } from '../constructs/cdktf';
import { KafkaStack } from '../constructs/kafka-stack';
import { formatIssueReport, type EnvironmentIssue } from './issues-report';
import { isBlocking } from '../rules/format/merge';
import { formatText } from '../rules/format/text';
import { canonicalJson, writeFileAtomic } from './write';

/** Files synth generates inside a stack directory; everything else there belongs to terraform or the user. */
export const GENERATED_STACK_FILES = ['cdk.tf.json', 'topology.json'] as const;

export interface SynthOptions {
  readonly outdir: string;
  readonly stdout?: NodeJS.WritableStream;
  readonly stderr?: NodeJS.WritableStream;
}

export interface SynthResult {
  readonly ok: boolean;
  readonly stacks: readonly string[];
  readonly written: readonly string[];
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  /** One line on lint, e.g. "lint passed (1 suppressed)". */
  readonly lintSummary?: string;
}

/** Runs the pipeline and prints a summary; returns the process exit code. */
export function runSynth(buildApp: (outdir: string) => App, options: SynthOptions): number {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  let result: SynthResult;
  try {
    result = synthesize(buildApp, options.outdir);
  } catch (error) {
    stderr.write(`synth failed: ${error instanceof Error ? error.message : String(error)}\nnothing was written to ${options.outdir}\n`);
    return 1;
  }
  for (const line of result.warnings) stderr.write(`${line}\n`);
  if (!result.ok) {
    for (const line of result.errors) stderr.write(`${line}\n`);
    stderr.write(`\nsynth stopped; nothing was written to ${options.outdir}\n`);
    return 1;
  }
  stdout.write(`${result.lintSummary ?? 'lint passed'}; synthesized ${result.stacks.length} stack(s) [${result.stacks.join(', ')}] to ${options.outdir}: ${result.written.length} file(s) changed\n`);
  return 0;
}

export function synthesize(buildApp: (outdir: string) => App, outdir: string): SynthResult {
  const target = resolvePath(outdir);
  // Staging sits beside the output so that the final renames stay on one filesystem.
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(target)}.staging-`));
  try {
    const app = buildApp(staging);
    const stacks = app.node.findAll().filter((c): c is KafkaStack => c instanceof KafkaStack);
    const issues: EnvironmentIssue[] = stacks.flatMap((s) => s.render().issues.map((i) => ({ ...i, environment: s.node.id })));
    const errors = formatIssueReport(issues.filter((i) => (i.severity ?? 'error') === 'error'));
    const warnings = formatIssueReport(issues.filter((i) => i.severity === 'warning'));
    // Validations other constructs registered (cdktf's own, or a user's) count too.
    if (errors.length === 0) {
      for (const construct of app.node.findAll()) {
        for (const message of construct.node.validate()) errors.push(`error: ${construct.node.path} › ${message}`);
      }
    }
    if (errors.length > 0) return { ok: false, stacks: [], written: [], errors, warnings };

    // Lint runs on every synth: unsuppressed errors stop it before anything is written.
    const findings = stacks.flatMap((s) => s.findings);
    const report = formatText(findings).trimEnd();
    if (findings.some((f) => isBlocking(f, false))) return { ok: false, stacks: [], written: [], errors: [report], warnings };
    if (findings.some((f) => f.suppressed === undefined && f.level === 'warning')) warnings.push(report);
    const suppressedCount = findings.filter((f) => f.suppressed !== undefined).length;
    const lintSummary = `lint passed${suppressedCount > 0 ? ` (${suppressedCount} suppressed finding(s) listed by topicform lint)` : ''}`;

    app.synth();
    const files = new Map<string, string>();
    for (const stack of stacks) {
      const dir = join('stacks', stack.node.id);
      const json: unknown = JSON.parse(readFileSync(join(staging, dir, 'cdk.tf.json'), 'utf8'));
      files.set(join(dir, 'cdk.tf.json'), canonicalJson(json));
      files.set(join(dir, 'topology.json'), canonicalJson(stack.topology));
    }
    files.set('manifest.json', canonicalJson(JSON.parse(readFileSync(join(staging, 'manifest.json'), 'utf8'))));
    const unexpected = listFiles(staging).filter((f) => !files.has(f));
    if (unexpected.length > 0) throw new Error(`cdktf wrote files this pipeline does not know: ${unexpected.join(', ')}`);

    const written: string[] = [];
    for (const [file, content] of [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (writeFileAtomic(join(target, file), content)) written.push(file);
    }
    written.push(...removeStaleStacks(target, new Set(stacks.map((s) => s.node.id))));
    return { ok: true, stacks: stacks.map((s) => s.node.id).sort(), written, errors: [], warnings, lintSummary };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Removes only the generated files of stacks that are no longer declared; terraform's files stay. */
function removeStaleStacks(target: string, current: ReadonlySet<string>): string[] {
  const stacksDir = join(target, 'stacks');
  if (!existsSync(stacksDir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(stacksDir).sort()) {
    if (current.has(name) || !statSync(join(stacksDir, name)).isDirectory()) continue;
    for (const file of GENERATED_STACK_FILES) {
      const path = join(stacksDir, name, file);
      if (existsSync(path)) {
        rmSync(path);
        removed.push(relative(target, path));
      }
    }
  }
  return removed;
}

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(root, full) : [relative(root, full)];
  });
}
