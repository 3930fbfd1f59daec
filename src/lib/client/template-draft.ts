// The template picker's form: which fields a template asks for, what they start with, and what is sent.
import { templateParameters, type MessageTemplate } from '../domain/templates/message-template';
import { fillTemplateParameters, type TemplateFillProblem } from '../domain/templates/template-fill';
import { renderTemplatePreview } from '../domain/templates/template-preview';

/** One input: `key` is how the value is sent (`customer_name`, `1`, `header.1`); `example` is the template's own. */
export interface TemplateField {
  key: string;
  name: string;
  header: boolean;
  example: string;
}

type Examples = { header: Record<string, string>; body: Record<string, string> };

/** The sample values a template was approved with (Meta's `example`), by parameter name or position. */
function examplesOf(template: MessageTemplate): Examples {
  const found: Examples = { header: {}, body: {} };
  for (const component of template.components) {
    const example = (component as { example?: Record<string, unknown> }).example;
    const part = String(component.type).toUpperCase() === 'HEADER' ? found.header : String(component.type).toUpperCase() === 'BODY' ? found.body : null;
    if (!example || !part) continue;
    for (const [key, value] of Object.entries(example)) {
      if (key.endsWith('_named_params') && Array.isArray(value)) {
        for (const item of value as { param_name?: unknown; example?: unknown }[])
          if (typeof item?.param_name === 'string') part[item.param_name] = String(item.example ?? '');
      } else if (Array.isArray(value)) {
        // body_text is [[v1, v2, …]]; header_text is [v1].
        const row = Array.isArray(value[0]) ? (value[0] as unknown[]) : value;
        row.forEach((sample, i) => (part[String(i + 1)] = String(sample ?? '')));
      }
    }
  }
  return found;
}

/** A parameter name as words: `order_id` → `Order id`. */
export function humanizeParameter(name: string): string {
  const words = name.replace(/[_\-.]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What a template message carries: `{name: value}` for named templates, values in order (or by key with a header) for positional ones. */
export type TemplateParams = Record<string, string> | string[];

export type TemplateDraft = { ok: true; params: TemplateParams } | { ok: false; reason: TemplateFillProblem; missing: string[] };

/** The inputs a template needs, header first; a named parameter used in both header and body is asked once. */
export function templateFields(template: MessageTemplate): TemplateField[] {
  const { format, header, body } = templateParameters(template);
  const examples = examplesOf(template);
  const field = (key: string, name: string, isHeader: boolean) => ({
    key,
    name,
    header: isHeader,
    example: (isHeader ? examples.header[name] : examples.body[name]) ?? '',
  });
  if (format === 'named') {
    return [...header.map((name) => field(name, name, true)), ...body.filter((name) => !header.includes(name)).map((name) => field(name, name, false))];
  }
  return [...header.map((name) => field(`header.${name}`, name, true)), ...body.map((name) => field(name, name, false))];
}

/** Starting values: what the conversation already knows (`customer_name`, `agent_name`), else empty. */
export function prefillValues(fields: readonly TemplateField[], known: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [field.key, Object.prototype.hasOwnProperty.call(known, field.key) ? (known[field.key] ?? '') : '']));
}

function provided(template: MessageTemplate, fields: readonly TemplateField[], values: Readonly<Record<string, string>>): TemplateParams {
  if (template.parameter_format === 'named' || fields.some((field) => field.header)) return { ...values };
  return fields.map((field) => values[field.key] ?? '');
}

/** The customer's view of the template with what has been typed so far; empty placeholders stay visible. */
export function templatePreview(template: MessageTemplate, fields: readonly TemplateField[], values: Readonly<Record<string, string>>): string {
  return renderTemplatePreview(template, provided(template, fields, values));
}

/** The parameters to send, checked the way the server checks them: approved, and every placeholder filled. */
export function templateDraft(template: MessageTemplate, fields: readonly TemplateField[], values: Readonly<Record<string, string>>): TemplateDraft {
  const fill = fillTemplateParameters(template, provided(template, fields, values), {});
  if (!fill.ok) return { ok: false, reason: fill.reason, missing: fill.missing };
  if (fill.format === 'named') return { ok: true, params: { ...fill.headerParams, ...fill.params } };
  if (fill.headerParams.length === 0) return { ok: true, params: fill.params };
  const byKey: Record<string, string> = {};
  fill.params.forEach((value, i) => (byKey[String(i + 1)] = value));
  fill.headerParams.forEach((value, i) => (byKey[`header.${i + 1}`] = value));
  return { ok: true, params: byKey };
}
