/**
 * Reading a question's `copyFrom` in either shape: the 1.1 field path or the 1.2 `{ field, when }`.
 * A module of its own, not types.ts: types.ts is in the core of the one-file bundle, and these
 * are only needed by the form's engine chunk (the offer, the rules) and the loader (lint).
 */
import type { FieldPath, FieldUi } from './types.js';

/**
 * Each question's format 1.2 copy condition (questions outside groups: lint refuses `copyFrom`
 * inside one), with the JSON pointer of its `when`. Any input: lint asks before the meta-schema's
 * verdict, the rules after it; the one walk for both, so they never disagree on which `when`s exist.
 */
export function copyConditions(
  procedure: unknown,
): { field: FieldUi; when: unknown; at: string }[] {
  const out: { field: FieldUi; when: unknown; at: string }[] = [];
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
  const ui = (procedure as { ui?: { steps?: unknown } } | null)?.ui;
  list(ui?.steps).forEach((step, i) =>
    list((step as { fields?: unknown } | null)?.fields).forEach((f, j) => {
      const c = (f as FieldUi | null)?.copyFrom as { when?: unknown } | string | undefined;
      if (c !== null && typeof c === 'object' && c.when !== undefined)
        out.push({
          field: f as FieldUi,
          when: c.when,
          at: `/ui/steps/${i}/fields/${j}/copyFrom/when`,
        });
    }),
  );
  return out;
}

/** The field a question's `copyFrom` names (either shape), or undefined. */
export function copySource(f: { copyFrom?: unknown }): FieldPath | undefined {
  const c = f.copyFrom;
  if (typeof c === 'string') return c;
  const field = c !== null && typeof c === 'object' ? (c as { field?: unknown }).field : undefined;
  return typeof field === 'string' ? field : undefined;
}
