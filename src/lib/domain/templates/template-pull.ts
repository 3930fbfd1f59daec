// Pulling a WhatsApp Business Account's templates from Meta into `templates` (one copy per channel): Meta's list is
// the truth for what it holds, matched by name and language; a template Meta no longer lists is marked removed,
// never deleted, because sent messages still point at it.

/** What Meta says of one template, as the fields to store (name and language are its key). */
export interface PulledFields {
  name: string;
  language: string;
  [field: string]: unknown;
}

/** A template already stored for the channel. */
export interface StoredTemplate {
  id: string;
  name: string;
  language: string;
  /** Its current values of the fields a pull writes. */
  fields: Record<string, unknown>;
  removed: boolean;
}

export interface TemplatePullPlan {
  create: PulledFields[];
  update: { id: string; fields: PulledFields }[];
  /** Stored templates Meta no longer lists (and not already marked). */
  remove: string[];
  unchanged: number;
}

/** Meta writes `en_US`; a template typed in by hand may say `en-US`: the same language. */
export function templateKey(name: string, language: string): string {
  return `${name}\u0000${language.replace('-', '_').toLowerCase()}`;
}

/** JSON with object keys sorted: the database hands JSON back with its keys reordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? '');
}

const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** What a pull changes: new templates, changed ones, ones gone from Meta; pulling the same list twice changes nothing. */
export function planTemplatePull(stored: readonly StoredTemplate[], pulled: readonly PulledFields[]): TemplatePullPlan {
  const byKey = new Map(stored.map((row) => [templateKey(row.name, row.language), row]));
  const seen = new Set<string>();
  const plan: TemplatePullPlan = { create: [], update: [], remove: [], unchanged: 0 };
  for (const template of pulled) {
    const key = templateKey(template.name, template.language);
    // Meta lists a name + language once; a repeat across pages (the list changed while paging) counts once.
    if (seen.has(key)) continue;
    seen.add(key);
    const row = byKey.get(key);
    if (!row) plan.create.push(template);
    else if (row.removed || Object.keys(template).some((field) => !same(template[field], row.fields[field])))
      plan.update.push({ id: row.id, fields: template });
    else plan.unchanged += 1;
  }
  for (const row of stored) if (!row.removed && !seen.has(templateKey(row.name, row.language))) plan.remove.push(row.id);
  return plan;
}
