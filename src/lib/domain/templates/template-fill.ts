import { isTemplateApproved, templateParameters, type MessageTemplate } from './message-template';

/** What an agent typed: values by name (named), or in order (positional; a record keyed "1", "2", "header.1" also works). */
export type ProvidedParameters = Readonly<Record<string, unknown>> | readonly unknown[] | null | undefined;

/** Values the conversation already knows (`customer_name`, `agent_name`, …), used for named parameters left blank. */
export type ParameterContext = Readonly<Partial<Record<string, string | null | undefined>>>;

/** Why a template cannot be sent with these parameters. */
export type TemplateFillProblem = 'missing-parameter' | 'too-many-parameters' | 'template-not-approved';

/** Parameters ready for the outbox, split by component, or why not. */
export type TemplateFill =
  | { ok: true; format: 'named'; params: Record<string, string>; headerParams: Record<string, string> }
  | { ok: true; format: 'positional'; params: string[]; headerParams: string[] }
  /** `missing` and `extra` name parameters as the template does: `customer_name`, `2`, `header.1`. */
  | { ok: false; reason: TemplateFillProblem; missing: string[]; extra: string[] };

// Meta refuses parameter text with new lines, tabs or more than four spaces in a row (error 132000 family).
function cleanValue(value: unknown): string {
  if (typeof value !== 'string') return '';
  return value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {5,}/g, '    ')
    .trim();
}

const own = (record: Readonly<Record<string, unknown>>, key: string): unknown => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);

function failure(missing: string[], extra: string[]): TemplateFill {
  return { ok: false, reason: missing.length > 0 ? 'missing-parameter' : 'too-many-parameters', missing, extra };
}

function fillNamed(header: string[], body: string[], provided: ProvidedParameters, context: ParameterContext): TemplateFill {
  const names = [...header, ...body.filter((name) => !header.includes(name))];
  const given: Readonly<Record<string, unknown>> =
    provided !== null && typeof provided === 'object' && !Array.isArray(provided) ? (provided as Record<string, unknown>) : {};
  const extra = Array.isArray(provided) ? provided.map((_, i) => String(i + 1)) : Object.keys(given).filter((key) => !names.includes(key));
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const name of names) {
    const value = cleanValue(own(given, name)) || cleanValue(own(context, name));
    if (value === '') missing.push(name);
    else values[name] = value;
  }
  if (missing.length > 0 || extra.length > 0) return failure(missing, extra);
  const pick = (list: string[]) => Object.fromEntries(list.map((name) => [name, values[name] ?? '']));
  return { ok: true, format: 'named', params: pick(body), headerParams: pick(header) };
}

function fillPositional(header: string[], body: string[], provided: ProvidedParameters): TemplateFill {
  const list = Array.isArray(provided) ? provided : null;
  const record: Readonly<Record<string, unknown>> =
    list === null && provided !== null && typeof provided === 'object' ? (provided as Record<string, unknown>) : {};
  const known = [...body, ...header.map((p) => `header.${p}`)];
  const extra = list !== null ? list.slice(body.length).map((_, i) => String(body.length + i + 1)) : Object.keys(record).filter((key) => !known.includes(key));
  const missing: string[] = [];
  const read = (key: string, fromList: unknown): string => {
    const value = cleanValue(list !== null ? fromList : own(record, key));
    if (value === '') missing.push(key);
    return value;
  };
  const params = body.map((position, i) => read(position, list?.[i]));
  // A flat list fills the body only; a header placeholder needs the record form ("header.1").
  const headerParams = header.map((position) => read(`header.${position}`, undefined));
  if (missing.length > 0 || extra.length > 0) return failure(missing, extra);
  return { ok: true, format: 'positional', params, headerParams };
}

/**
 * Checks and completes a template's parameters before anything is queued: the template must be approved, every
 * placeholder needs a value (named ones fall back to `context`), and nothing the template lacks may be given.
 */
export function fillTemplateParameters(template: MessageTemplate, provided: ProvidedParameters, context: ParameterContext): TemplateFill {
  if (!isTemplateApproved(template)) return { ok: false, reason: 'template-not-approved', missing: [], extra: [] };
  const { format, header, body } = templateParameters(template);
  return format === 'named' ? fillNamed(header, body, provided, context ?? {}) : fillPositional(header, body, provided);
}
