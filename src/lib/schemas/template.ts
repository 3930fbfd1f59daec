import * as z from 'zod/mini';
import { componentText, placeholdersIn, placeholdersUsed, type MessageTemplate, type ParameterFormat } from '../domain/templates/message-template';

// A `templates` record. `components` keep Meta's format (upper-case types, examples and buttons passed through) so
// a template synced from Meta is stored as Meta sent it; category and status are lower case like the collection's
// select fields, and Meta's upper-case values are accepted.

/** Values of the `templates` collection's select fields and Meta's component types. */
export const TEMPLATE_CATEGORIES = ['marketing', 'utility', 'authentication'] as const;
export const TEMPLATE_STATUSES = ['approved', 'pending', 'rejected', 'paused', 'disabled'] as const;
export const PARAMETER_FORMATS = ['named', 'positional'] as const;
export const COMPONENT_TYPES = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'] as const;

/** Meta's text limits per component. */
export const COMPONENT_TEXT_LIMITS = { HEADER: 60, BODY: 1024, FOOTER: 60, BUTTONS: 0 } as const;

const lowerEnum = <T extends readonly [string, ...string[]]>(values: T) => z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.enum(values));

/** One component in Meta's format; unknown keys (example, buttons) are kept. */
export const templateComponentSchema = z.looseObject({
  type: z.pipe(z.string().check(z.trim(), z.toUpperCase()), z.enum(COMPONENT_TYPES)),
  format: z.optional(z.string().check(z.trim(), z.toUpperCase())),
  text: z.optional(z.string()),
});

/** A `templates` record: shape, Meta's limits, and placeholders that agree with `parameter_format`. */
export const templateSchema = z
  .object({
    name: z.string().check(z.trim(), z.minLength(1), z.maxLength(512), z.regex(/^[a-z0-9_]+$/, 'Use lower-case letters, digits and underscores.')),
    language: z.string().check(z.trim(), z.minLength(2), z.maxLength(16)),
    category: lowerEnum(TEMPLATE_CATEGORIES),
    parameter_format: z._default(lowerEnum(PARAMETER_FORMATS), 'positional'),
    components: z._default(z.array(templateComponentSchema).check(z.maxLength(10)), () => []),
    status: z._default(lowerEnum(TEMPLATE_STATUSES), 'pending'),
  })
  .check(
    z.superRefine((template, ctx) => {
      const issue = (path: PropertyKey[], code: string, message: string) => ctx.addIssue({ code: 'custom', path, message, params: { code } });
      const seen = new Set<string>();
      template.components.forEach((component, i) => {
        if (seen.has(component.type)) issue(['components', i, 'type'], 'duplicate-component', `A template has one ${component.type} at most.`);
        seen.add(component.type);
        const limit = COMPONENT_TEXT_LIMITS[component.type];
        if (component.text !== undefined && limit > 0 && component.text.length > limit)
          issue(['components', i, 'text'], 'text-too-long', `Keep this under ${limit} characters.`);
      });
      const bodyAt = template.components.findIndex((c) => c.type === 'BODY');
      if (bodyAt < 0 || (template.components[bodyAt]?.text ?? '').trim() === '') {
        issue(['components'], 'missing-body', 'A template needs a BODY with text.');
        return;
      }
      checkPlaceholders(template, template.parameter_format, issue);
    }),
  );

type Issue = (path: PropertyKey[], code: string, message: string) => void;

// Meta rejects a template whose placeholders don't match its parameter_format, or whose positions skip a number.
function checkPlaceholders(template: MessageTemplate, format: ParameterFormat, issue: Issue): void {
  template.components.forEach((component, i) => {
    const text = component.type === 'HEADER' || component.type === 'BODY' ? componentText({ ...template, components: [component] }, component.type) : '';
    if (text === '') return;
    const other = placeholdersUsed(text, format === 'named' ? 'positional' : 'named');
    if (other.length > 0)
      issue(
        ['components', i, 'text'],
        'wrong-parameter-format',
        `This template uses ${format} parameters: write ${format === 'named' ? '{{name}}' : '{{1}}'}.`,
      );
    if (format === 'positional') {
      const used = new Set(placeholdersUsed(text, 'positional'));
      const gap = placeholdersIn(text, 'positional').find((position) => !used.has(position));
      if (gap !== undefined) issue(['components', i, 'text'], 'parameter-gap', `Number parameters from {{1}} without gaps: {{${gap}}} is missing.`);
    }
  });
}

/** A template as a client or Meta sync sends it. */
export type TemplateInput = z.input<typeof templateSchema>;
/** The parsed template; the constraint fails the build if the schema drifts from the domain's type. */
export type Template = SatisfiesDomain<z.output<typeof templateSchema>>;
type SatisfiesDomain<T extends MessageTemplate> = T;
