/**
 * A KafkaStack's rendering lifecycle, which exists for speed and memory only: `pending` until its resources are first
 * needed, `rendered` while they are in the construct tree, `released` once synth has written the stack and dropped them.
 *
 * - Rendering late lets synth hold one stack's resources at a time (constructs/synth/synthesize-stacks.ts): cdktf's
 *   tree costs ~1 KiB per resource, and a large app has 100,000s.
 * - Rendering after cdktf's prepareStack() skips its preparing resolve of every resource — a pass that only looks for
 *   cross-stack references (tokens) to wire — when the Topology holds no token, so no resource rendered from it can
 *   hold one: the same output, without ~40 % of cdktf's time at 10,000 topics (README "Performance").
 */
import { Token, type IConstruct } from '../cdktf';
import type { Topology } from '../../model/topology';
import { STRING_TOKEN_MARKER } from './internals';

export type RenderState = 'pending' | 'rendered' | 'released';

/** What a render attached to the tree: `constructs` is what removes it all again. */
export interface Rendered {
  readonly constructs: readonly IConstruct[];
}

export class StackRendering<R extends Rendered> {
  private current: RenderState = 'pending';
  private rendered: R | undefined;

  /** @param stackPath the stack's construct path, for the error a released stack gives */
  constructor(private readonly stackPath: string) {}

  get state(): RenderState {
    return this.current;
  }

  /** The rendered resources; undefined before rendering, when there was nothing to render, and after release(). */
  get resources(): R | undefined {
    return this.rendered;
  }

  /** Renders once: `produce` runs the first time only, and never after release(). */
  render(produce: () => R | undefined): void {
    if (this.current !== 'pending') return;
    this.current = 'rendered';
    this.rendered = produce();
  }

  /** Removes the rendered resources from the construct tree; the stack cannot be synthesized again. */
  release(): void {
    for (const construct of this.rendered?.constructs ?? []) construct.node.scope?.node.tryRemoveChild(construct.node.id);
    this.rendered = undefined;
    this.current = 'released';
  }

  /**
   * cdktf's prepareStack (`prepare`), with `render` before it — or after it, when the stack has not rendered yet and
   * `topology` holds no token (see the header). A released stack is refused.
   */
  prepare(topology: Pick<Topology, 'topics' | 'acls' | 'quotas'> | null, render: () => void, prepare: () => void): void {
    if (this.current === 'released') {
      throw new Error(`stack ${this.stackPath} was released after it was synthesized; build the app again to synthesize it again`);
    }
    const renderAfter = this.current === 'pending' && topology !== null && !containsToken(topology);
    if (!renderAfter) render();
    prepare();
    if (renderAfter) render();
  }
}

/**
 * Whether any value of a Topology's resources could be a cdktf token (an encoded string, number or list, or an
 * IResolvable): what decides whether a stack's resources may skip cdktf's preparing resolve. Every field is looked at,
 * not only the rendered ones, so the answer errs towards true.
 */
export function containsToken(topology: Pick<Topology, 'topics' | 'acls' | 'quotas'>): boolean {
  return hasToken(topology.topics) || hasToken(topology.acls) || hasToken(topology.quotas ?? []);
}

function hasToken(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(STRING_TOKEN_MARKER);
  if (typeof value === 'number') return Token.isUnresolved(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasToken);
  if (typeof (value as { resolve?: unknown }).resolve === 'function') return true;
  for (const key in value) if (hasToken((value as Record<string, unknown>)[key])) return true;
  return false;
}
