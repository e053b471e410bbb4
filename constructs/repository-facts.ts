/**
 * What lint may know about the repository an app lives in (rules/types.ts RepositoryFacts), attached to the app by the
 * command that builds it. Rules are pure and never read the file system; the CLI, which knows where the repository is,
 * hands the facts in, and every declaration root of the app lints with them. An app built without them (a unit test's
 * Testing.synth) lints without the rules that need them.
 */
import type { IConstruct } from './cdktf';
import type { RepositoryFacts } from '../rules/types';

const facts = new WeakMap<IConstruct, RepositoryFacts>();

/** Lint every declaration root of `app` with these facts; call before the app is synthesized or rendered. */
export function useRepositoryFacts(app: IConstruct, repository: RepositoryFacts): void {
  facts.set(app.node.root, repository);
}

/** The facts attached to the app `construct` belongs to, if any. */
export function repositoryFactsOf(construct: IConstruct): RepositoryFacts | undefined {
  return facts.get(construct.node.root);
}
