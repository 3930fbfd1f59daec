// Admins write these texts and customers read them, so rendering must never fail a send: a misspelt or unknown
// variable becomes empty instead of throwing or leaking `{{...}}` to the customer.

/** The variables auto-replies and canned replies may use. */
export const TEMPLATE_VARIABLES = ['customer_name', 'agent_name', 'opens_at', 'business_name', 'channel_name', 'business_hours'] as const;
/** One of the documented variable names. */
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** Values for `{{name}}` placeholders; missing, null and unknown names render as nothing. */
export type TemplateVariables = Readonly<Partial<Record<string, string | null | undefined>>>;

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const CLOSES_PHRASE = /^[,.!?;:)]?$/;
const SPACE_BEFORE = /[ \t]$/;
const SEPARATOR_BEFORE = /,?[ \t]+$/;

function valueOf(vars: TemplateVariables, name: string): string {
  const key = name.toLowerCase();
  // Own properties only: `{{constructor}}` must not render Object's constructor.
  const value = Object.prototype.hasOwnProperty.call(vars, key) ? vars[key] : undefined;
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Fills `{{variable}}` placeholders in `text`; an empty value takes the space (or ", ") before it along, so
 * "Hi {{customer_name}}!" and "Thanks, {{customer_name}}." read "Hi!" and "Thanks." for a customer without a name.
 */
export function renderTemplate(text: string, vars: TemplateVariables): string {
  if (typeof text !== 'string') return '';
  const values = typeof vars === 'object' && vars !== null ? vars : {};
  const out: string[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    const at = match.index ?? 0;
    let before = text.slice(last, at);
    const value = valueOf(values, match[1] ?? '');
    const next = text.charAt(at + match[0].length);
    if (value === '' && CLOSES_PHRASE.test(next)) before = before.replace(SEPARATOR_BEFORE, '');
    else if (value === '' && (next === ' ' || next === '\t') && SPACE_BEFORE.test(before)) before = before.slice(0, -1);
    out.push(before, value);
    last = at + match[0].length;
  }
  out.push(text.slice(last));
  return out.join('');
}
