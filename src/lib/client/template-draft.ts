// The template picker's form: which fields a template asks for, what they start with, and what is sent.
import { templateParameters, type MessageTemplate } from '../domain/templates/message-template';
import { fillTemplateParameters, type TemplateFillProblem } from '../domain/templates/template-fill';
import { renderTemplatePreview } from '../domain/templates/template-preview';

/** One input: `key` is how the value is sent (`customer_name`, `1`, `header.1`). */
export interface TemplateField {
  key: string;
  name: string;
  header: boolean;
}

/** What a template message carries: `{name: value}` for named templates, values in order (or by key with a header) for positional ones. */
export type TemplateParams = Record<string, string> | string[];

export type TemplateDraft = { ok: true; params: TemplateParams } | { ok: false; reason: TemplateFillProblem; missing: string[] };

/** The inputs a template needs, header first; a named parameter used in both header and body is asked once. */
export function templateFields(template: MessageTemplate): TemplateField[] {
  const { format, header, body } = templateParameters(template);
  if (format === 'named') {
    return [...header.map((name) => ({ key: name, name, header: true })), ...body.filter((name) => !header.includes(name)).map((name) => ({ key: name, name, header: false }))];
  }
  return [...header.map((name) => ({ key: `header.${name}`, name, header: true })), ...body.map((name) => ({ key: name, name, header: false }))];
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
