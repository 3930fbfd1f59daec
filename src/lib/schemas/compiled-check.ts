// A zod schema walked once into plain nested closures that accept exactly what the schema accepts and return what
// it returns. Why: in PocketBase's JS VM (goja) zod's general machinery costs ~0.9 ms per webhook body, half of
// an acknowledgement; these closures do the same checks for a small fraction of it. zod stays the one definition
// and still explains every refusal: a caller runs the schema itself whenever the closures say no.
//
// Only the building blocks the webhook schemas use are supported; anything else throws when compiling, so a
// schema edit can never be checked by a silently weaker function. compiled-check.test.ts holds the two to
// agreement on fixtures and thousands of mutated bodies.
import type * as z from 'zod/mini';

const INVALID: unique symbol = Symbol('invalid');
type Step = (input: unknown) => unknown;

interface Def {
  type: string;
  [key: string]: any;
}

function defOf(schema: unknown): Def {
  return (schema as { _zod: { def: Def } })._zod.def;
}

function unsupported(what: string): never {
  throw new Error(`compileCheck: ${what} is not supported; check it with zod or extend compiled-check.ts`);
}

/** The length and range checks zod keeps in `def.checks`, as one predicate (null when there are none). */
function checksOf(def: Def): ((value: any) => boolean) | null {
  const checks: ((value: any) => boolean)[] = [];
  for (const check of (def.checks ?? []) as unknown[]) {
    const c = defOf(check) as unknown as Record<string, any>;
    if (c.check === 'min_length') checks.push((value) => value.length >= c.minimum);
    else if (c.check === 'max_length') checks.push((value) => value.length <= c.maximum);
    else if (c.check === 'greater_than') checks.push(c.inclusive ? (value) => value >= c.value : (value) => value > c.value);
    else if (c.check === 'less_than') checks.push(c.inclusive ? (value) => value <= c.value : (value) => value < c.value);
    else if (c.check === 'string_format' && c.format === 'regex') {
      const pattern = c.pattern as RegExp;
      checks.push((value) => {
        pattern.lastIndex = 0;
        return pattern.test(value);
      });
    } else unsupported(`check "${String(c.check)}${c.format ? `:${c.format}` : ''}"`);
  }
  if (checks.length === 0) return null;
  if (checks.length === 1) return checks[0];
  return (value) => {
    for (let i = 0; i < checks.length; i++) if (!checks[i](value)) return false;
    return true;
  };
}

function withChecks(def: Def, isType: (input: unknown) => boolean): Step {
  const checks = checksOf(def);
  return checks ? (input) => (isType(input) && checks(input) ? input : INVALID) : (input) => (isType(input) ? input : INVALID);
}

function numberStep(def: Def): Step {
  if (def.check === 'number_format' && def.format !== 'safeint') unsupported(`number format "${def.format}"`);
  const isNumber = def.format === 'safeint' ? Number.isSafeInteger : Number.isFinite;
  return withChecks(def, (input) => typeof input === 'number' && isNumber(input));
}

/** Loose objects only: unknown keys pass through untouched. Copies the object only when a field was transformed. */
function objectStep(def: Def): Step {
  if (defOf(def.catchall ?? { _zod: { def: { type: 'none' } } }).type !== 'unknown') unsupported('an object that is not loose');
  // Plain indexed loops throughout: goja runs for-of and destructuring through the iterator protocol, which
  // costs more than the checks themselves.
  const keys = Object.keys(def.shape as Record<string, unknown>);
  const steps = keys.map((key) => stepFor((def.shape as Record<string, unknown>)[key]));
  const count = keys.length;
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return INVALID;
    const source = input as Record<string, unknown>;
    let output = source;
    for (let i = 0; i < count; i++) {
      const key = keys[i];
      const value = source[key];
      const result = steps[i](value);
      if (result === INVALID) return INVALID;
      if (result !== value) {
        if (output === source) output = { ...source };
        output[key] = result;
      }
    }
    return output;
  };
}

function arrayStep(def: Def): Step {
  const element = stepFor(def.element);
  const checks = checksOf(def);
  return (input) => {
    if (!Array.isArray(input) || (checks && !checks(input))) return INVALID;
    let output = input;
    for (let i = 0; i < input.length; i++) {
      const result = element(input[i]);
      if (result === INVALID) return INVALID;
      if (result !== input[i]) {
        if (output === input) output = input.slice();
        output[i] = result;
      }
    }
    return output;
  };
}

function transformStep(def: Def): Step {
  const transform = def.transform as (value: unknown, payload: { value: unknown; issues: unknown[] }) => unknown;
  return (input) => {
    const payload = { value: input, issues: [] as unknown[] };
    const result = transform(input, payload);
    if (result instanceof Promise) unsupported('an async transform');
    return payload.issues.length ? INVALID : result;
  };
}

function stepFor(schema: unknown): Step {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      // z.email(), z.uuid() and friends are strings that are themselves a format check.
      if (def.check !== undefined) unsupported(`string format "${def.format}"`);
      return withChecks(def, (input) => typeof input === 'string');
    case 'number':
      return numberStep(def);
    case 'boolean':
      return (input) => (typeof input === 'boolean' ? input : INVALID);
    case 'literal': {
      const values = new Set(def.values as unknown[]);
      return (input) => (values.has(input) ? input : INVALID);
    }
    case 'unknown':
      return (input) => input;
    case 'optional': {
      const inner = stepFor(def.innerType);
      return (input) => (input === undefined ? undefined : inner(input));
    }
    case 'object':
      return objectStep(def);
    case 'array':
      return arrayStep(def);
    case 'union': {
      const options = (def.options as unknown[]).map(stepFor);
      return (input) => {
        for (let i = 0; i < options.length; i++) {
          const result = options[i](input);
          if (result !== INVALID) return result;
        }
        return INVALID;
      };
    }
    case 'pipe': {
      const from = stepFor(def.in);
      const to = stepFor(def.out);
      return (input) => {
        const middle = from(input);
        return middle === INVALID ? INVALID : to(middle);
      };
    }
    case 'transform':
      return transformStep(def);
    default:
      return unsupported(`schema type "${def.type}"`);
  }
}

/**
 * Compiles `schema` into a function that returns `{ ok: true, value }` with the value zod would return, or
 * `{ ok: false }` when zod would refuse the input (ask zod itself for the issues then).
 */
export function compileCheck<T extends z.ZodMiniType>(schema: T): (input: unknown) => { ok: true; value: z.output<T> } | { ok: false } {
  const step = stepFor(schema);
  return (input) => {
    const value = step(input);
    return value === INVALID ? { ok: false } : { ok: true, value: value as z.output<T> };
  };
}
