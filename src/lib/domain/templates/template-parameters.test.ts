import { describe, expect, it } from 'vitest';
import { templateParameters, type MessageTemplate } from './message-template';
import { fillTemplateParameters, type ProvidedParameters } from './template-fill';
import { renderTemplatePreview } from './template-preview';

const named: MessageTemplate = {
  name: 'welcome_back',
  language: 'en_US',
  parameter_format: 'named',
  status: 'approved',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Hello {{customer_name}}' },
    { type: 'BODY', text: 'Hi {{customer_name}}, {{agent_name}} here about order {{order_id}}. {{ customer_name }}?' },
    { type: 'FOOTER', text: 'Reply STOP to opt out' },
  ],
};
const positional: MessageTemplate = {
  name: 'order_update',
  language: 'en_US',
  parameter_format: 'positional',
  status: 'APPROVED',
  components: [
    { type: 'header', format: 'TEXT', text: 'Order {{1}}' },
    { type: 'body', text: 'Your order {{2}} ships {{1}}. Total {{3}}.' },
  ],
};
const bodyOnly = (text: string, format: 'named' | 'positional' = 'positional', status = 'approved'): MessageTemplate => ({
  name: 't',
  language: 'es',
  parameter_format: format,
  status,
  components: [{ type: 'BODY', text }],
});
const context = { customer_name: 'Lucía', agent_name: 'Ana' };

describe('templateParameters', () => {
  it.each([
    ['named, in order of first use and once each', named, { format: 'named', header: ['customer_name'], body: ['customer_name', 'agent_name', 'order_id'] }],
    ['positional, up to the highest position', positional, { format: 'positional', header: ['1'], body: ['1', '2', '3'] }],
    ['positional with a gap (Meta counts to the highest)', bodyOnly('{{1}} and {{3}}'), { format: 'positional', header: [], body: ['1', '2', '3'] }],
    ['none', bodyOnly('Hello world'), { format: 'positional', header: [], body: [] }],
    ['only what matches the format', bodyOnly('{{1}} {{name}} {{Name}} {{0}} {{ 2 }}', 'named'), { format: 'named', header: [], body: ['name'] }],
  ])('finds %s', (_, template, expected) => {
    expect(templateParameters(template)).toEqual(expected);
  });

  it('ignores media headers and broken components', () => {
    const template: MessageTemplate = {
      ...positional,
      components: [{ type: 'HEADER', format: 'IMAGE', text: '{{1}}' }, null as never, { type: 'BODY', text: 'Hi {{1}}' }, { type: 'BODY', text: '{{2}}' }],
    };
    expect(templateParameters(template)).toEqual({ format: 'positional', header: [], body: ['1'] });
    expect(templateParameters({ ...positional, components: 'junk' as never })).toEqual({ format: 'positional', header: [], body: [] });
  });
});

describe('fillTemplateParameters with named parameters', () => {
  it('fills what the agent left out from the conversation', () => {
    expect(fillTemplateParameters(named, { order_id: 'A-42' }, context)).toEqual({
      ok: true,
      format: 'named',
      params: { customer_name: 'Lucía', agent_name: 'Ana', order_id: 'A-42' },
      headerParams: { customer_name: 'Lucía' },
    });
  });

  it('prefers what the agent typed over the conversation’s values', () => {
    expect(fillTemplateParameters(named, { order_id: 'A-42', customer_name: 'Sra. García' }, context)).toMatchObject({
      ok: true,
      params: { customer_name: 'Sra. García' },
    });
  });

  it.each<[string, ProvidedParameters, Record<string, string>, { reason: string; missing: string[]; extra: string[] }]>([
    ['a value nobody knows', {}, context, { reason: 'missing-parameter', missing: ['order_id'], extra: [] }],
    [
      'blank values',
      { order_id: '   ' },
      { customer_name: '', agent_name: 'Ana' },
      { reason: 'missing-parameter', missing: ['customer_name', 'order_id'], extra: [] },
    ],
    ['a parameter the template lacks', { order_id: 'A-42', coupon: 'X' }, context, { reason: 'too-many-parameters', missing: [], extra: ['coupon'] }],
    ['both missing and unknown parameters', { coupon: 'X' }, context, { reason: 'missing-parameter', missing: ['order_id'], extra: ['coupon'] }],
    ['a positional list for a named template', ['A-42'], context, { reason: 'missing-parameter', missing: ['order_id'], extra: ['1'] }],
  ])('refuses %s', (_, provided, ctx, expected) => {
    expect(fillTemplateParameters(named, provided, ctx)).toEqual({ ok: false, ...expected });
  });

  it('takes nothing from inherited properties', () => {
    expect(fillTemplateParameters(bodyOnly('{{constructor}}', 'named'), {}, {})).toEqual({
      ok: false,
      reason: 'missing-parameter',
      missing: ['constructor'],
      extra: [],
    });
  });
});

describe('fillTemplateParameters with positional parameters', () => {
  it.each<[string, MessageTemplate, ProvidedParameters, unknown]>([
    ['a list for the body', bodyOnly('{{1}} ships {{2}}'), ['A-42', 'tomorrow'], { params: ['A-42', 'tomorrow'], headerParams: [] }],
    [
      'a record keyed by position, header included',
      positional,
      { '1': 'today', '2': 'A-42', '3': '€10', 'header.1': 'A-42' },
      { params: ['today', 'A-42', '€10'], headerParams: ['A-42'] },
    ],
    ['no parameters for a template without any', bodyOnly('Hello'), [], { params: [], headerParams: [] }],
    ['nothing at all for a template without any', bodyOnly('Hello'), null, { params: [], headerParams: [] }],
  ])('accepts %s', (_, template, provided, expected) => {
    expect(fillTemplateParameters(template, provided, context)).toEqual({ ok: true, format: 'positional', ...(expected as object) });
  });

  it.each<[string, MessageTemplate, ProvidedParameters, { reason: string; missing: string[]; extra: string[] }]>([
    ['too few values', bodyOnly('{{1}} ships {{2}}'), ['A-42'], { reason: 'missing-parameter', missing: ['2'], extra: [] }],
    ['an empty value', bodyOnly('{{1}} ships {{2}}'), ['A-42', ' '], { reason: 'missing-parameter', missing: ['2'], extra: [] }],
    ['a value that is not text', bodyOnly('{{1}}'), [42], { reason: 'missing-parameter', missing: ['1'], extra: [] }],
    ['too many values', bodyOnly('{{1}} ships {{2}}'), ['A-42', 'today', 'extra', 'more'], { reason: 'too-many-parameters', missing: [], extra: ['3', '4'] }],
    ['values for a template without parameters', bodyOnly('Hello'), ['x'], { reason: 'too-many-parameters', missing: [], extra: ['1'] }],
    ['a header placeholder given only a list', positional, ['today', 'A-42', '€10'], { reason: 'missing-parameter', missing: ['header.1'], extra: [] }],
    ['a gap in the template', bodyOnly('{{1}} and {{3}}'), ['a', '', 'c'], { reason: 'missing-parameter', missing: ['2'], extra: [] }],
    ['unknown record keys', bodyOnly('{{1}}'), { '1': 'a', name: 'b' }, { reason: 'too-many-parameters', missing: [], extra: ['name'] }],
  ])('refuses %s', (_, template, provided, expected) => {
    expect(fillTemplateParameters(template, provided, context)).toEqual({ ok: false, ...expected });
  });

  it('does not fill positional parameters from the conversation', () => {
    expect(fillTemplateParameters(bodyOnly('Hi {{1}}'), [], context)).toMatchObject({ ok: false, missing: ['1'] });
  });
});

describe('fillTemplateParameters for templates Meta will not send', () => {
  it.each(['pending', 'rejected', 'paused', 'disabled', 'PENDING', ''])('refuses a template whose status is %j', (status) => {
    expect(fillTemplateParameters({ ...named, status }, { order_id: 'A-42' }, context)).toEqual({
      ok: false,
      reason: 'template-not-approved',
      missing: [],
      extra: [],
    });
  });
});

describe('fillTemplateParameters cleaning values', () => {
  it('replaces the new lines, tabs and long space runs Meta rejects', () => {
    expect(fillTemplateParameters(bodyOnly('{{1}}'), ['  line one\nline two\ttab      wide  '], {})).toEqual({
      ok: true,
      format: 'positional',
      params: ['line one line two tab    wide'],
      headerParams: [],
    });
  });
});

describe('renderTemplatePreview', () => {
  it('shows the header, body and footer with named values', () => {
    const filled = fillTemplateParameters(named, { order_id: 'A-42' }, context);
    if (!filled.ok) throw new Error('expected a fill');
    expect(renderTemplatePreview(named, filled.params, filled.headerParams)).toBe(
      'Hello Lucía\nHi Lucía, Ana here about order A-42. Lucía?\nReply STOP to opt out',
    );
    expect(renderTemplatePreview(named, filled.params)).toBe('Hello Lucía\nHi Lucía, Ana here about order A-42. Lucía?\nReply STOP to opt out');
  });

  it.each<[string, ProvidedParameters, ProvidedParameters | undefined, string]>([
    ['a list and header list', ['today', 'A-42', '€10'], ['A-42'], 'Order A-42\nYour order A-42 ships today. Total €10.'],
    [
      'a record with the header key',
      { '1': 'today', '2': 'A-42', '3': '€10', 'header.1': 'B-7' },
      undefined,
      'Order B-7\nYour order A-42 ships today. Total €10.',
    ],
    ['missing values (left visible)', ['today'], undefined, 'Order {{1}}\nYour order {{2}} ships today. Total {{3}}.'],
    ['no values at all', null, undefined, 'Order {{1}}\nYour order {{2}} ships {{1}}. Total {{3}}.'],
  ])('shows a positional template with %s', (_, params, headerParams, expected) => {
    expect(renderTemplatePreview(positional, params, headerParams)).toBe(expected);
  });

  it('keeps named placeholders it has no value for', () => {
    expect(renderTemplatePreview(named, { customer_name: 'Lucía' })).toBe(
      'Hello Lucía\nHi Lucía, {{agent_name}} here about order {{order_id}}. Lucía?\nReply STOP to opt out',
    );
  });

  it('shows nothing but the body for a body-only template', () => {
    expect(renderTemplatePreview(bodyOnly('Hola {{1}}'), ['Lucía'])).toBe('Hola Lucía');
  });
});
