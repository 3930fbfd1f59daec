import { describe, expect, it } from 'vitest';
import { planTemplatePull, type StoredTemplate } from './template-pull';

const meta = (name: string, status = 'approved', language = 'en_US') => ({ name, language, status, components: [{ type: 'BODY', text: `${name} body` }] });
const stored = (id: string, fields: ReturnType<typeof meta>, removed = false): StoredTemplate => ({
  id,
  name: fields.name,
  language: fields.language,
  fields,
  removed,
});

describe('planTemplatePull', () => {
  it('creates what is new, updates what changed and counts the rest as unchanged', () => {
    const plan = planTemplatePull([stored('a', meta('hello')), stored('b', meta('sale'))], [meta('hello'), meta('sale', 'paused'), meta('fresh')]);
    expect(plan).toEqual({ create: [meta('fresh')], update: [{ id: 'b', fields: meta('sale', 'paused') }], remove: [], unchanged: 1 });
  });

  it('changes nothing when the same list is pulled again', () => {
    const list = [meta('hello'), meta('hola', 'approved', 'es'), meta('sale', 'rejected')];
    const first = planTemplatePull([], list);
    const rows = first.create.map((fields, i) => stored(String(i), fields as ReturnType<typeof meta>));
    expect(planTemplatePull(rows, list)).toEqual({ create: [], update: [], remove: [], unchanged: 3 });
  });

  it('does not count keys stored in another order as a change', () => {
    const reordered = { language: 'en_US', name: 'hello', status: 'approved', components: [{ text: 'hello body', type: 'BODY' }] };
    expect(planTemplatePull([stored('a', reordered)], [meta('hello')]).unchanged).toBe(1);
  });

  it('marks a template Meta no longer lists, once, and brings it back when Meta lists it again', () => {
    expect(planTemplatePull([stored('a', meta('gone')), stored('b', meta('old'), true)], []).remove).toEqual(['a']);
    expect(planTemplatePull([stored('b', meta('old'), true)], [meta('old')]).update).toEqual([{ id: 'b', fields: meta('old') }]);
  });

  it('matches a hand-typed en-US with Meta’s en_US, and counts a template repeated across pages once', () => {
    const plan = planTemplatePull([stored('a', { ...meta('hello'), language: 'en-US' })], [meta('hello'), meta('hello')]);
    expect(plan.create).toEqual([]);
    expect(plan.update).toHaveLength(1);
    expect(plan.remove).toEqual([]);
  });
});
