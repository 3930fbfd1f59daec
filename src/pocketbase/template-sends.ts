import type { MessageTemplate, ParameterFormat, TemplateComponent } from '../lib/domain/templates/message-template';
import { fillTemplateParameters, type ProvidedParameters, type TemplateFill } from '../lib/domain/templates/template-fill';
import { renderTemplatePreview } from '../lib/domain/templates/template-preview';
import { jsonField } from './records';

export type PreparedTemplate =
  | { ok: true; params: Record<string, string> | string[]; headerParams: Record<string, string> | string[]; preview: string }
  | { ok: false; reason: string; missing: string[] };

function templateOf(record: core.Record): MessageTemplate {
  return {
    name: record.getString('name'),
    language: record.getString('language'),
    parameter_format: (record.getString('parameter_format') || 'positional') as ParameterFormat,
    components: jsonField<TemplateComponent[]>(record, 'components', []),
    status: record.getString('status'),
  };
}

/**
 * Fills a template's parameters from what the agent typed and what we know (customer and agent names) and checks
 * them before anything is queued: a wrong count would only fail later at Meta (132000).
 */
export function prepareTemplateSend(
  app: core.App,
  templateId: string,
  provided: ProvidedParameters,
  context: { customerName: string; agentName: string },
): PreparedTemplate {
  const record = app.findRecordsByFilter('templates', 'id = {:id}', '', 1, 0, { id: templateId } as dbx.Params)[0];
  if (!record) return { ok: false, reason: 'template-not-found', missing: [] };
  const template = templateOf(record);
  const fill: TemplateFill = fillTemplateParameters(template, provided, { customer_name: context.customerName, agent_name: context.agentName });
  if (!fill.ok) return { ok: false, reason: fill.reason, missing: fill.missing };
  return { ok: true, params: fill.params, headerParams: fill.headerParams, preview: renderTemplatePreview(template, fill.params, fill.headerParams) };
}
