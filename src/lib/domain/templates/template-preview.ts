import { componentText, placeholderPattern, type MessageTemplate } from './message-template';

type Values = Readonly<Record<string, unknown>> | readonly unknown[] | null | undefined;

function lookup(values: Values, key: string, position: number): string | null {
  if (values === null || values === undefined || typeof values !== 'object') return null;
  const value = Array.isArray(values)
    ? position >= 1
      ? values[position - 1]
      : undefined
    : Object.prototype.hasOwnProperty.call(values, key)
      ? (values as Record<string, unknown>)[key]
      : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

// Placeholders without a value stay visible, so an agent previewing a half-filled template sees what is missing.
function fill(text: string, template: MessageTemplate, values: Values, keyPrefix: string): string {
  const named = template.parameter_format === 'named';
  return text.replace(placeholderPattern(named ? 'named' : 'positional'), (placeholder: string, key: string) => {
    if (named) return lookup(values, key, 0) ?? placeholder;
    return lookup(values, `${keyPrefix}${key}`, Array.isArray(values) ? Number(key) : 0) ?? placeholder;
  });
}

/**
 * The text the customer will see: the text header, the body and the footer on their own lines, with parameters
 * filled (`params` as `fillTemplateParameters` returns them; positional headers from `headerParams` or "header.1").
 */
export function renderTemplatePreview(template: MessageTemplate, params: Values, headerParams?: Values): string {
  const positional = template.parameter_format !== 'named';
  const header = componentText(template, 'HEADER');
  const headerValues = headerParams ?? (positional && Array.isArray(params) ? null : params);
  const lines = [
    fill(header, template, headerValues, positional && headerParams === undefined ? 'header.' : ''),
    fill(componentText(template, 'BODY'), template, params, ''),
    componentText(template, 'FOOTER'),
  ];
  return lines.filter((line) => line !== '').join('\n');
}
