import type { SendMessageRequest } from '../lib/schemas/graph';
import { CSAT_TEMPLATE_TEXT } from '../lib/domain/csat/csat-template';
import type { SimulatorTemplate } from '../lib/schemas/simulator';

/** The approved templates the demo seeds in Pocketdesk as well (scripts/demo-seed.mjs), with the same texts. */
export const DEFAULT_TEMPLATES: readonly SimulatorTemplate[] = [
  {
    name: 'welcome_back',
    language: 'en_US',
    category: 'utility',
    parameterFormat: 'named',
    parameterNames: ['customer_name'],
    parameterCount: 1,
    body: 'Hi {{customer_name}}, thanks for getting back to us. How can we help?',
  },
  { name: 'order_update', language: 'en_US', category: 'utility', parameterFormat: 'positional', parameterCount: 2, body: 'Your order {{1}} is now {{2}}.' },
  { name: 'hello_world', language: 'en_US', category: 'utility', parameterFormat: 'positional', parameterCount: 0, body: 'Hello from Pocketdesk!' },
  {
    name: 'seguimiento_pedido',
    language: 'es',
    category: 'utility',
    parameterFormat: 'positional',
    parameterCount: 1,
    body: 'Tu pedido {{1}} está en camino.',
  },
  {
    name: 'order_shipped',
    language: 'en_US',
    category: 'utility',
    parameterFormat: 'positional',
    parameterCount: 1,
    headerParameterCount: 1,
    header: 'Order {{1}}',
    body: 'Good news: it ships {{1}}.',
  },
  // The satisfaction survey sent after the 24-hour window has closed (channels.service.csat.templateName).
  {
    name: 'csat_request',
    language: 'en_US',
    category: 'utility',
    parameterFormat: 'positional',
    parameterCount: 0,
    body: CSAT_TEMPLATE_TEXT.en.body,
    quickReplies: [...CSAT_TEMPLATE_TEXT.en.quickReplies],
  },
  {
    name: 'csat_request',
    language: 'es',
    category: 'utility',
    parameterFormat: 'positional',
    parameterCount: 0,
    body: CSAT_TEMPLATE_TEXT.es.body,
    quickReplies: [...CSAT_TEMPLATE_TEXT.es.quickReplies],
  },
  // Not sendable, so "Get templates from Meta" shows a paused and a rejected one (the demo does not seed them).
  {
    name: 'spring_sale',
    language: 'en_US',
    category: 'marketing',
    parameterFormat: 'positional',
    parameterCount: 1,
    body: 'Spring sale: {{1}} off everything this week!',
    status: 'PAUSED',
  },
  {
    name: 'win_a_prize',
    language: 'en_US',
    category: 'marketing',
    parameterFormat: 'positional',
    parameterCount: 0,
    body: 'Click now to WIN a prize!!!',
    status: 'REJECTED',
    rejectedReason: 'PROMOTIONAL',
  },
];

export type TemplateCheck = { ok: true; template: SimulatorTemplate } | { ok: false; code: 132001 | 132000 | 132012; details: string };

type TemplateRequest = NonNullable<SendMessageRequest['template']>;

/** Checks a template send against the registry: name + language must exist, header and body parameters must fit. */
export function checkTemplate(templates: readonly SimulatorTemplate[], request: TemplateRequest): TemplateCheck {
  const language = request.language.code;
  const template = templates.find((t) => t.name === request.name && t.language === language);
  // Meta answers a template it has not approved (or has paused) as one it does not have in that language.
  if (!template || (template.status ?? 'APPROVED') !== 'APPROVED') {
    return { ok: false, code: 132001, details: `template name (${request.name}) does not exist in ${language}` };
  }
  const header = (request.components ?? []).find((component) => component.type.toLowerCase() === 'header');
  const headerCount = header?.parameters?.length ?? 0;
  if (headerCount !== (template.headerParameterCount ?? 0)) {
    return {
      ok: false,
      code: 132000,
      details: `header: number of localizable_params (${headerCount}) does not match the expected number of params (${template.headerParameterCount ?? 0})`,
    };
  }
  const body = (request.components ?? []).find((component) => component.type.toLowerCase() === 'body');
  const parameters = body?.parameters ?? [];
  if (parameters.length !== template.parameterCount) {
    return {
      ok: false,
      code: 132000,
      details: `body: number of localizable_params (${parameters.length}) does not match the expected number of params (${template.parameterCount})`,
    };
  }
  if (template.parameterFormat === 'named') {
    const expected = new Set(template.parameterNames ?? []);
    const given = parameters.map((parameter) => parameter.parameter_name);
    if (given.some((name) => name === undefined || !expected.has(name)) || new Set(given).size !== given.length) {
      return { ok: false, code: 132012, details: `body: expected named parameters ${[...expected].join(', ')}` };
    }
  } else if (parameters.some((parameter) => parameter.parameter_name !== undefined)) {
    return { ok: false, code: 132012, details: 'body: this template takes positional parameters without parameter_name' };
  }
  return { ok: true, template };
}
