import { describe, expect, it } from 'vitest';
import { templateSchema } from './template';

const body = (text: string) => [{ type: 'BODY', text }];
const template = (over: Record<string, unknown> = {}) => ({
  name: 'order_update',
  language: 'en_US',
  category: 'utility',
  parameter_format: 'positional',
  components: body('Order {{1}} ships {{2}}.'),
  status: 'approved',
  ...over,
});
const codesOf = (input: unknown) => {
  const parsed = templateSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.code === 'custom' ? i.params?.code : i.code]));
};

describe('templateSchema', () => {
  it('accepts Meta’s spelling and keeps fields it does not know', () => {
    const parsed = templateSchema.parse(
      template({
        category: 'UTILITY',
        status: 'APPROVED',
        components: [
          { type: 'header', format: 'text', text: 'Order {{1}}' },
          { type: 'BODY', text: 'Order {{1}} ships {{2}}.', example: { body_text: [['A-42', 'today']] } },
          { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop' }] },
        ],
      }),
    );
    expect(parsed).toMatchObject({ category: 'utility', status: 'approved', parameter_format: 'positional' });
    expect(parsed.components).toEqual([
      { type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' },
      { type: 'BODY', text: 'Order {{1}} ships {{2}}.', example: { body_text: [['A-42', 'today']] } },
      { type: 'BUTTONS', buttons: [{ type: 'QUICK_REPLY', text: 'Stop' }] },
    ]);
  });

  it('defaults to a pending positional template', () => {
    expect(templateSchema.parse({ name: 'hello_world', language: 'en_US', category: 'utility', components: body('Hello') })).toMatchObject({
      parameter_format: 'positional',
      status: 'pending',
    });
  });

  it('accepts named parameters in a named template', () => {
    expect(codesOf(template({ parameter_format: 'named', components: body('Hi {{customer_name}}, order {{order_id}}') }))).toEqual({});
  });

  it.each([
    ['an upper-case name', template({ name: 'Order_Update' }), { name: 'invalid_format' }],
    ['an unknown category', template({ category: 'service' }), { category: 'invalid_value' }],
    ['an unknown status', template({ status: 'live' }), { status: 'invalid_value' }],
    ['no body', template({ components: [{ type: 'FOOTER', text: 'bye' }] }), { components: 'missing-body' }],
    ['an empty body', template({ components: body('  ') }), { components: 'missing-body' }],
    ['two bodies', template({ components: [...body('a'), ...body('b')] }), { 'components.1.type': 'duplicate-component' }],
    ['an unknown component', template({ components: [...body('a'), { type: 'CAROUSEL' }] }), { 'components.1.type': 'invalid_value' }],
    ['a body over 1024 characters', template({ components: body('x'.repeat(1025)) }), { 'components.0.text': 'text-too-long' }],
    ['named parameters in a positional template', template({ components: body('Hi {{name}}') }), { 'components.0.text': 'wrong-parameter-format' }],
    [
      'positional parameters in a named template',
      template({ parameter_format: 'named', components: body('Hi {{1}}') }),
      { 'components.0.text': 'wrong-parameter-format' },
    ],
    ['a gap in the positions', template({ components: body('{{1}} and {{3}}') }), { 'components.0.text': 'parameter-gap' }],
    [
      'a gap in a text header',
      template({ components: [{ type: 'HEADER', format: 'TEXT', text: '{{2}}' }, ...body('{{1}}')] }),
      { 'components.0.text': 'parameter-gap' },
    ],
  ])('refuses %s', (_, input, expected) => {
    expect(codesOf(input)).toEqual(expected);
  });
});
