/**
 * Compile-time checks that two types describe the same data, with an error that names the fields that differ.
 *
 * `assertSameShape<A, B>(true)` compiles only when A and B are the same shape, read deeply and ignoring `readonly`
 * (props interfaces are readonly, zod's inferred types are not). Otherwise tsc reports
 * `Argument of type 'boolean' is not assignable to parameter of type '{ fieldsThatDiffer: "retries" | … }'`.
 * `npm test` runs `tsc --noEmit` over test/, so a drift fails the build before any test runs.
 */

/** Exact type equality (the conditional-type trick: distinguishes any, unknown, optional and union members). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** `T` read deeply as readonly data, so that `readonly` modifiers do not count as a difference. */
export type Shape<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly unknown[]
    ? { readonly [K in keyof T]: Shape<T[K]> }
    : T extends object
      ? { readonly [K in keyof T]: Shape<T[K]> }
      : T;

/** The keys of A or B whose types differ (or that only one has); `never` when the shapes are the same. */
export type ShapeMismatch<A, B> =
  Equal<Shape<A>, Shape<B>> extends true
    ? never
    : A extends readonly unknown[]
      ? 'elements'
      : {
            [K in keyof A | keyof B]: K extends keyof A ? (K extends keyof B ? (Equal<Shape<A[K]>, Shape<B[K]>> extends true ? never : K) : K) : K;
          }[keyof A | keyof B] extends infer M
        ? [M] extends [never]
          ? 'optionality'
          : M
        : never;

/** Compiles only when A and B are the same shape; see the module comment. */
export function assertSameShape<A, B>(ok: [ShapeMismatch<A, B>] extends [never] ? true : { fieldsThatDiffer: ShapeMismatch<A, B> }): void {
  void ok;
}
