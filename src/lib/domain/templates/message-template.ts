// A WhatsApp message template as stored in the `templates` collection, with `components` in Meta's own format:
// [{ type: 'HEADER', format: 'TEXT', text: 'Order {{1}}' }, { type: 'BODY', text: 'Hi {{1}}…' }, { type: 'FOOTER', text }].

/** How a template's placeholders are written: `{{customer_name}}` or `{{1}}`. */
export type ParameterFormat = 'named' | 'positional';

/** One component as Meta describes it; fields this module does not read (examples, buttons) pass through. */
export interface TemplateComponent {
  type: string;
  format?: string;
  text?: string;
}

/** What the template rules need from a `templates` record. */
export interface MessageTemplate {
  name: string;
  language: string;
  parameter_format: ParameterFormat;
  components: readonly TemplateComponent[];
  status: string;
}

/** The parameters a template takes: names, or positions "1", "2", … up to the highest one used (Meta counts them so). */
export interface TemplateParameterList {
  format: ParameterFormat;
  header: string[];
  body: string[];
}

/** A fresh global regex for placeholders in `format`; Meta reads anything else in braces as literal text. */
export function placeholderPattern(format: ParameterFormat): RegExp {
  // Named parameters are lower-case snake case in Meta's templates.
  return format === 'named' ? /\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}/g : /\{\{\s*([1-9][0-9]{0,2})\s*\}\}/g;
}

/** The text of the first component of `type` (HEADER only in TEXT format), or '' when there is none. */
export function componentText(template: MessageTemplate, type: 'HEADER' | 'BODY' | 'FOOTER'): string {
  const components = Array.isArray(template.components) ? template.components : [];
  const component = components.find((c) => typeof c === 'object' && c !== null && String(c.type).toUpperCase() === type);
  if (!component || typeof component.text !== 'string') return '';
  if (type === 'HEADER' && component.format !== undefined && String(component.format).toUpperCase() !== 'TEXT') return '';
  return component.text;
}

/** The placeholders written in `text`, once each in order of first use. */
export function placeholdersUsed(text: string, format: ParameterFormat): string[] {
  const found = [...text.matchAll(placeholderPattern(format))].map((m) => m[1] ?? '');
  return found.filter((key, i) => found.indexOf(key) === i);
}

/** The parameters `text` takes: its names, or every position from 1 to the highest used. */
export function placeholdersIn(text: string, format: ParameterFormat): string[] {
  const used = placeholdersUsed(text, format);
  if (format === 'named') return used;
  const highest = used.reduce((max, position) => Math.max(max, Number(position)), 0);
  return Array.from({ length: highest }, (_, i) => String(i + 1));
}

/** The parameters found in the template's BODY and its text HEADER. */
export function templateParameters(template: MessageTemplate): TemplateParameterList {
  const format: ParameterFormat = template.parameter_format === 'named' ? 'named' : 'positional';
  return { format, header: placeholdersIn(componentText(template, 'HEADER'), format), body: placeholdersIn(componentText(template, 'BODY'), format) };
}

/** True when Meta lets the template be sent (status APPROVED, in any case). */
export function isTemplateApproved(template: MessageTemplate): boolean {
  return typeof template.status === 'string' && template.status.toLowerCase() === 'approved';
}
