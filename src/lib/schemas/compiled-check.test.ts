import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { compileCheck } from './compiled-check';
import { changeValueSchema, parseWebhook, webhookEnvelopeSchema } from './webhook';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/whatsapp');
const bodies: unknown[] = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')));

const checkEnvelope = compileCheck(webhookEnvelopeSchema);
const checkChangeValue = compileCheck(changeValueSchema);

/** What zod says: `{ ok, value }` in the compiled check's shape. */
function byZod(schema: z.ZodMiniType, input: unknown) {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false };
}

function changeValues(body: any): unknown[] {
  return Array.isArray(body?.entry) ? body.entry.flatMap((e: any) => (Array.isArray(e?.changes) ? e.changes.map((c: any) => c?.value) : [])) : [];
}

// A small seeded generator: the same thousands of bodies on every run, so a disagreement is reproducible.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const ODD_VALUES: unknown[] = [null, '', 'x', '1700000000', '-5', '12345678901234', 0, -1, 1.5, 2 ** 53, Infinity, NaN, true, [], {}, [{}], { body: 'hi' }];

/** Every object and array inside `value`, with the path to it. */
function containers(value: unknown): Array<Record<string, unknown> | unknown[]> {
  if (typeof value !== 'object' || value === null) return [];
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(containers)];
}

/** One random edit somewhere in the body: a wrong value, a missing key, an extra key, or an emptied array. */
function mutate(body: unknown, next: () => number): void {
  const all = containers(body);
  const target = all[Math.floor(next() * all.length)] as Record<string, unknown>;
  const keys = Object.keys(target);
  const roll = next();
  if (keys.length && roll < 0.6) target[keys[Math.floor(next() * keys.length)]] = structuredClone(ODD_VALUES[Math.floor(next() * ODD_VALUES.length)]);
  else if (keys.length && roll < 0.85) {
    if (Array.isArray(target)) target.length = Math.floor(next() * target.length);
    else delete target[keys[Math.floor(next() * keys.length)]];
  } else if (!Array.isArray(target)) target[`extra_${Math.floor(next() * 9)}`] = ODD_VALUES[Math.floor(next() * ODD_VALUES.length)];
}

describe('compileCheck on the webhook schemas', () => {
  it('accepts every contract fixture and returns exactly what zod returns', () => {
    expect(bodies.length).toBeGreaterThan(15);
    for (const body of bodies) {
      expect(checkEnvelope(body)).toEqual({ ok: true, value: webhookEnvelopeSchema.parse(body) });
      for (const value of changeValues(body)) expect(checkChangeValue(value)).toEqual(byZod(changeValueSchema, value));
    }
  });

  it('agrees with zod on thousands of mutated bodies, valid and invalid alike', () => {
    const next = random(20261126);
    const outcomes = { valid: 0, invalid: 0 };
    for (let round = 0; round < 4000; round++) {
      const body = structuredClone(bodies[round % bodies.length]);
      const edits = 1 + Math.floor(next() * 3);
      for (let i = 0; i < edits; i++) mutate(body, next);
      const expected = byZod(webhookEnvelopeSchema, body);
      expect(checkEnvelope(body), JSON.stringify(body)).toEqual(expected);
      for (const value of changeValues(body)) {
        const zodSays = byZod(changeValueSchema, value);
        expect(checkChangeValue(value), JSON.stringify(value)).toEqual(zodSays);
        outcomes[zodSays.ok ? 'valid' : 'invalid']++;
      }
    }
    // Both sides of the line are exercised, not just one.
    expect(outcomes.valid).toBeGreaterThan(1000);
    expect(outcomes.invalid).toBeGreaterThan(1000);
  });

  it('turns string timestamps into numbers in a copy, leaving the input as it was', () => {
    const body = bodies.find((b) => JSON.stringify(b).includes('"messages"')) as any;
    const before = JSON.stringify(body);
    const result = checkChangeValue(body.entry[0].changes[0].value);
    expect(result.ok && typeof (result.value.messages?.[0]?.timestamp as unknown)).toBe('number');
    expect(JSON.stringify(body)).toBe(before);
  });

  it('parseWebhook still explains a refusal with zod’s issue paths', () => {
    const body = structuredClone(bodies[0]) as any;
    body.entry[0].changes[0].value.metadata.phone_number_id = 42;
    const result = parseWebhook(body);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues.map((issue) => issue.path)).toContain('entry.0.changes.0.value.metadata.phone_number_id');
  });
});

describe('compileCheck refuses schemas it cannot check exactly', () => {
  it.each([
    ['a stripping object', z.object({ a: z.string() })],
    ['a strict object', z.strictObject({ a: z.string() })],
    ['a string format', z.email()],
    ['a refinement', z.string().check(z.refine((s) => s !== 'x'))],
    ['a nullable field', z.looseObject({ a: z.nullable(z.string()) })],
  ])('%s', (_, schema) => {
    expect(() => compileCheck(schema as z.ZodMiniType)).toThrow(/not supported/);
  });

  it('checks lengths, ranges and patterns the way zod does', () => {
    const schema = z.looseObject({
      code: z.int().check(z.nonnegative()),
      ratio: z.optional(z.number().check(z.lte(1))),
      id: z.string().check(z.minLength(2), z.regex(/^w/g)),
      tags: z.optional(z.array(z.string()).check(z.maxLength(2))),
    });
    const check = compileCheck(schema);
    const inputs = [
      { code: 0, id: 'wa' },
      { code: -1, id: 'wa' },
      { code: 1.5, id: 'wa' },
      { code: 2 ** 53, id: 'wa' },
      { code: 1, id: 'w' },
      { code: 1, id: 'xa' },
      { code: 1, id: 'wab', ratio: 1 },
      { code: 1, id: 'wab', ratio: 1.01 },
      { code: 1, id: 'wab', tags: ['a', 'b', 'c'] },
      { code: 1, id: 'wab', tags: ['a'] },
      [],
      null,
    ];
    // Twice over: a global regex keeps state between calls unless it is reset.
    for (const input of [...inputs, ...inputs]) expect(check(input), JSON.stringify(input)).toEqual(byZod(schema, input));
  });
});
