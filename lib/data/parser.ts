/**
 * The shape of a schema as the loader uses it (zod's `safeParse`), described structurally so that the public types
 * do not pull zod's declarations into every notebook cell (tslab type-checks each cell against them).
 * @module
 */

/**
 * What the loader needs of a schema: zod's `safeParse`, described structurally so that the public types do not
 * pull zod's declarations into every notebook cell (tslab type-checks each cell against them).
 * @category Loading
 */
export interface Parser<T> {
  safeParse(input: unknown): { success: true; data: T } | { success: false; error: { issues: readonly ParseIssue[] } };
}

/**
 * One problem reported by a {@link Parser}.
 * @category Loading
 */
export interface ParseIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}
