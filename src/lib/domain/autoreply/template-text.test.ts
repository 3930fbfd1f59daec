import { describe, expect, it } from 'vitest';
import { renderTemplate, TEMPLATE_VARIABLES } from './template-text';

const vars = {
  customer_name: 'Lucía',
  agent_name: 'Ana',
  opens_at: 'Monday at 09:00',
  business_name: 'Corner Shop',
  channel_name: 'Shop',
  business_hours: 'We open Monday at 09:00 (Europe/Madrid)',
};

describe('renderTemplate', () => {
  it.each([
    ['Hi {{customer_name}}, {{agent_name}} here.', 'Hi Lucía, Ana here.'],
    ['{{ customer_name }} / {{CHANNEL_NAME}}', 'Lucía / Shop'],
    ['Back {{opens_at}}. {{business_hours}}.', 'Back Monday at 09:00. We open Monday at 09:00 (Europe/Madrid).'],
    ['{{customer_name}}{{customer_name}}', 'LucíaLucía'],
    ['No variables at all', 'No variables at all'],
    ['', ''],
  ])('fills %j as %j', (text, expected) => {
    expect(renderTemplate(text, vars)).toBe(expected);
  });

  it.each([
    ['an unknown variable', 'Order {{order_id}} is ready', 'Order is ready'],
    ['an empty name before punctuation', 'Hi {{customer_name}}!', 'Hi!'],
    ['an empty name before a comma', 'Hola {{customer_name}}, ¿qué tal?', 'Hola, ¿qué tal?'],
    ['an empty name mid-sentence', 'Thanks {{customer_name}} for writing', 'Thanks for writing'],
    ['an empty name at the end', 'Thanks {{customer_name}}', 'Thanks'],
    ['an empty name after a comma', 'Thanks for waiting, {{customer_name}}!', 'Thanks for waiting!'],
    ['two empty names in a row', 'Hi {{customer_name}} {{agent_name}}!', 'Hi!'],
    ['an empty name on its own line', 'Hello\n{{customer_name}}', 'Hello\n'],
    ['an inherited property name', 'x{{constructor}}y{{__proto__}}z{{toString}}', 'xyz'],
    ['a null value', 'Hi {{agent_name}}.', 'Hi.'],
  ])('leaves %s empty', (_, text, expected) => {
    expect(renderTemplate(text, { customer_name: '', agent_name: null })).toBe(expected);
  });

  it.each([
    ['unbalanced braces', 'Hi {{customer_name', 'Hi {{customer_name'],
    ['single braces', '{customer_name}', '{customer_name}'],
    ['a placeholder with spaces in its name', '{{customer name}}', '{{customer name}}'],
  ])('keeps %s as written', (_, text, expected) => {
    expect(renderTemplate(text, vars)).toBe(expected);
  });

  it('never throws on input that is not what the types promise', () => {
    expect(renderTemplate(null as unknown as string, vars)).toBe('');
    expect(renderTemplate('Hi {{customer_name}}', null as unknown as Record<string, string>)).toBe('Hi');
    expect(renderTemplate('Hi {{customer_name}}', { customer_name: 42 } as unknown as Record<string, string>)).toBe('Hi');
  });

  it('knows every documented variable', () => {
    const text = TEMPLATE_VARIABLES.map((name) => `{{${name}}}`).join('|');
    expect(renderTemplate(text, vars)).toBe(TEMPLATE_VARIABLES.map((name) => vars[name]).join('|'));
  });
});
