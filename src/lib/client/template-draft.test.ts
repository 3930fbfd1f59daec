import { describe, expect, it } from 'vitest';
import type { MessageTemplate } from '../domain/templates/message-template';
import { humanizeParameter, prefillValues, templateDraft, templateFields, templatePreview } from './template-draft';

const named: MessageTemplate = {
  name: 'order_ready',
  language: 'en',
  parameter_format: 'named',
  status: 'approved',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Hi {{customer_name}}' },
    { type: 'BODY', text: 'Hi {{customer_name}}, order {{order_id}} is ready.' },
  ],
};
const positional: MessageTemplate = { ...named, parameter_format: 'positional', components: [{ type: 'BODY', text: 'Order {{1}} ships {{2}}.' }] };
const positionalWithHeader: MessageTemplate = {
  ...positional,
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
    { type: 'BODY', text: 'Ships {{1}}.' },
  ],
};

describe('templateFields', () => {
  it('asks for a named parameter once, header first', () => {
    expect(templateFields(named).map((f) => [f.key, f.header])).toEqual([
      ['customer_name', true],
      ['order_id', false],
    ]);
  });

  it('keys positional header parameters apart from the body’s', () => {
    expect(templateFields(positionalWithHeader).map((f) => f.key)).toEqual(['header.1', '1']);
  });
});

describe('prefillValues', () => {
  it('fills what the conversation knows and leaves the rest empty', () => {
    expect(prefillValues(templateFields(named), { customer_name: 'Maria Lopez', agent_name: 'Ana' })).toEqual({ customer_name: 'Maria Lopez', order_id: '' });
  });
});

describe('templatePreview', () => {
  it('shows typed values and keeps empty placeholders visible', () => {
    expect(templatePreview(named, templateFields(named), { customer_name: 'Maria', order_id: '' })).toBe('Hi Maria\nHi Maria, order {{order_id}} is ready.');
    expect(templatePreview(positionalWithHeader, templateFields(positionalWithHeader), { 'header.1': 'A7', '1': 'today' })).toBe('Order A7\nShips today.');
  });
});

describe('templateDraft', () => {
  it.each([
    ['named values by name', named, { customer_name: 'Maria', order_id: 'A7' }, { ok: true, params: { customer_name: 'Maria', order_id: 'A7' } }],
    ['positional values in order', positional, { '1': 'A7', '2': 'today' }, { ok: true, params: ['A7', 'today'] }],
    ['positional with a header by key', positionalWithHeader, { 'header.1': 'A7', '1': 'today' }, { ok: true, params: { '1': 'today', 'header.1': 'A7' } }],
    ['a blank parameter as missing', named, { customer_name: 'Maria', order_id: '  ' }, { ok: false, reason: 'missing-parameter', missing: ['order_id'] }],
  ])('sends %s', (_, template, values, expected) => {
    expect(templateDraft(template, templateFields(template), values)).toEqual(expected);
  });

  it('refuses a template that is not approved', () => {
    expect(templateDraft({ ...named, status: 'paused' }, templateFields(named), { customer_name: 'M', order_id: '1' })).toMatchObject({
      ok: false,
      reason: 'template-not-approved',
    });
  });
});

describe('parameter names a person reads', () => {
  const withExamples = {
    name: 'shipped',
    language: 'en',
    parameter_format: 'positional' as const,
    status: 'approved',
    components: [
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}', example: { header_text: ['A-1042'] } },
      { type: 'BODY', text: 'Ships {{1}} by {{2}}.', example: { body_text: [['Friday', 'DHL']] } },
    ],
  };

  it("takes each positional parameter's example from the template", () => {
    expect(templateFields(withExamples).map((f) => [f.key, f.example])).toEqual([
      ['header.1', 'A-1042'],
      ['1', 'Friday'],
      ['2', 'DHL'],
    ]);
  });

  it('reads named examples too, and leaves a parameter without one empty', () => {
    const named = {
      ...withExamples,
      parameter_format: 'named' as const,
      components: [
        {
          type: 'BODY',
          text: 'Order {{order_id}} for {{customer_name}}',
          example: { body_text_named_params: [{ param_name: 'order_id', example: 'A-1042' }] },
        },
      ],
    };
    expect(templateFields(named).map((f) => [f.key, f.example])).toEqual([
      ['order_id', 'A-1042'],
      ['customer_name', ''],
    ]);
  });

  it('turns a parameter name into words', () => {
    expect(humanizeParameter('order_id')).toBe('Order id');
    expect(humanizeParameter('delivery-date')).toBe('Delivery date');
  });
});
