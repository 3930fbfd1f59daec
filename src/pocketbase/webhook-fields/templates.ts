import type { TemplateUpdate } from '../../lib/schemas/webhook-field-plan';

// Template reviews from Meta (issue #19): `message_template_status_update`, `..._quality_update` and
// `template_category_update` update every copy of the template (one per channel), found by Meta's template id or by
// name and language. A template that is not `approved` cannot be chosen (template-fill.ts refuses it).

export type TemplateOutcome = 'template-updated' | 'template-unknown';

export function applyTemplateUpdate(app: core.App, update: TemplateUpdate): TemplateOutcome {
  const byId = update.metaId ? app.findRecordsByFilter('templates', 'meta_id = {:id}', '', 100, 0, { id: update.metaId } as dbx.Params) : [];
  const rows = byId.length
    ? byId
    : update.name
      ? app.findRecordsByFilter('templates', 'name = {:n} && (language = {:l} || language = {:l2})', '', 100, 0, {
          n: update.name,
          l: update.language,
          l2: update.language.replace('-', '_'),
        } as dbx.Params)
      : [];
  if (!rows.length) return 'template-unknown';
  for (const row of rows) {
    if (!row) continue;
    if (update.metaId) row.set('meta_id', update.metaId);
    if (update.metaStatus) row.set('meta_status', update.metaStatus);
    if (update.status) row.set('status', update.status);
    if (update.reason !== null) row.set('status_reason', update.reason);
    if (update.quality) row.set('quality', update.quality);
    if (update.category) row.set('category', update.category);
    app.save(row);
  }
  return 'template-updated';
}
