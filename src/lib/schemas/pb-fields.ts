// PocketBase field values as the PWA reads them: empty strings and missing fields become plain defaults, dates
// become epoch ms. zod/mini (same engine, tree-shakable API) because these parse on the PWA's first-load path.
import * as z from 'zod/mini';

/** PocketBase dates ("2026-11-25 19:10:38.123Z", or "" when unset) as epoch ms or null. */
export const pbDate = z.pipe(
  z.nullish(z.string()),
  z.transform((value) => {
    if (!value) return null;
    const at = Date.parse(value.replace(' ', 'T'));
    return Number.isFinite(at) ? at : null;
  }),
);
export const text = z.pipe(
  z.nullish(z.string()),
  z.transform((value) => value ?? ''),
);
export const count = z.pipe(
  z.nullish(z.number()),
  z.transform((value) => value ?? 0),
);
export const flag = z.pipe(
  z.nullish(z.boolean()),
  z.transform((value) => value ?? false),
);
/** A multi-relation field: record ids. */
export const idList = z.pipe(
  z.nullish(z.array(z.string())),
  z.transform((value) => value ?? []),
);
export const jsonObject = z.pipe(
  z.optional(z.unknown()),
  z.transform((value) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {})),
);
