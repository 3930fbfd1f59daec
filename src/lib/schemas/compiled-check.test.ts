import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { compileCheck } from './compiled-check';
import {
  changeValueSchema,
  deliveryStatusSchema,
  graphErrorSchema,
  inboundMessageSchema,
  parseWebhookParts,
  webhookContactSchema,
  webhookEnvelopeSchema,
} from './webhook';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/whatsapp');
const bodies: unknown[] = readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')));

const checkEnvelope = compileCheck(webhookEnvelopeSchema);
const checkChangeValue = compileCheck(changeValueSchema);
const partChecks = [
  ['contacts', webhookContactSchema],
  ['messages', inboundMessageSchema],
  ['statuses', deliveryStatusSchema],
  ['errors', graphErrorSchema],
].map(([key, schema]) => [key, schema, compileCheck(schema as z.ZodMiniType)] as const) as Array<readonly [string, z.ZodMiniType, (input: unknown) => unknown]>;

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

// Besides wrong types: values at and past the columns' limits, ids padded with invisible characters, a timestamp
// past year 9999, and long text counted in code points (35,001 emoji are 70,002 UTF-16 units but fit).
const ODD_VALUES: unknown[] = [
  null,
  '',
  'x',
  '1700000000',
  '-5',
  '12345678901234',
  '999999999999',
  0,
  -1,
  1.5,
  2 ** 53,
  Infinity,
  NaN,
  true,
  [],
  {},
  [{}],
  { body: 'hi' },
  ' 16505551234\u00a0',
  '16505551234\u0000',
  '\u2003',
  '9'.repeat(32),
  '9'.repeat(33),
  'Y'.repeat(300),
  'w'.repeat(301),
  'a'.repeat(70_001),
  '\ud83d\udc4d'.repeat(35_001),
  { body: 'b'.repeat(70_001) },
];

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
        // Each part on its own, as a delivery with an invalid part is checked.
        for (const [key, schema, check] of partChecks) {
          const list = (value as Record<string, unknown> | null)?.[key];
          if (Array.isArray(list)) for (const part of list) expect(check(part), `${key}: ${JSON.stringify(part)?.slice(0, 500)}`).toEqual(byZod(schema, part));
        }
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

  it('parseWebhookParts explains a refused part with zod’s issue path', () => {
    const body = structuredClone(bodies.find((b) => JSON.stringify(b).includes('"messages":[')) as any);
    body.entry[0].changes[0].value.messages[0].id = 'w'.repeat(301);
    const { invalid } = parseWebhookParts(JSON.stringify(body));
    expect(invalid).toMatchObject([{ path: 'entry.0.changes.0.value.messages.0', reason: 'invalid-message' }]);
    expect(invalid[0].detail).toMatch(/^id: /);
  });
});

describe('the webhook schema’s limits', () => {
  const message = (extra: Record<string, unknown>) => ({ id: 'wamid.1', timestamp: '1700000000', type: 'text', text: { body: 'hi' }, ...extra });
  const accepts = (schema: z.ZodMiniType, input: unknown) => compileCheck(schema)(input);

  it('strips whitespace, NUL and invisible characters from ids, then holds them to their columns', () => {
    expect(accepts(inboundMessageSchema, message({ from: '\u00a0 16505551234\u0000\u200b\u3000' }))).toMatchObject({
      ok: true,
      value: { from: '16505551234' },
    });
    expect(accepts(webhookContactSchema, { wa_id: '\t16505551234\ufeff' })).toMatchObject({ ok: true, value: { wa_id: '16505551234' } });
    expect(accepts(inboundMessageSchema, message({ from: '9'.repeat(33) })).ok).toBe(false);
    expect(accepts(webhookContactSchema, { wa_id: '9'.repeat(33) }).ok).toBe(false);
  });

  it('cuts names to their columns, never through an emoji', () => {
    const cut = accepts(webhookContactSchema, { profile: { name: 'Y'.repeat(199) + '\ud83d\udc4d' + 'Z', username: 'u'.repeat(150) } });
    expect(cut).toMatchObject({ ok: true, value: { profile: { name: 'Y'.repeat(199) + '\ud83d\udc4d', username: 'u'.repeat(100) } } });
  });

  it.each([
    ['a wamid over 300', { id: 'w'.repeat(301) }],
    ['a type over 40', { type: 't'.repeat(41) }],
    ['text over 70,000 characters', { text: { body: 'b'.repeat(70_001) } }],
    ['a timestamp after year 9999', { timestamp: '999999999999' }],
  ])('refuses %s', (_, extra) => {
    expect(accepts(inboundMessageSchema, message(extra)).ok).toBe(false);
  });

  it('counts text in code points, as PocketBase does', () => {
    expect(accepts(inboundMessageSchema, message({ text: { body: '\ud83d\udc4d'.repeat(70_000) } })).ok).toBe(true);
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
