// One audit_log row as the admin's audit screen reads it.
import * as z from 'zod/mini';

const pbInstant = z.pipe(
  z.string(),
  z.transform((value: string) => {
    const at = Date.parse(value.replace(' ', 'T'));
    return Number.isFinite(at) ? at : null;
  }),
);

export const auditEntrySchema = z.object({
  id: z.string(),
  actor: z._default(z.string(), ''),
  actor_kind: z.enum(['agent', 'superuser', 'system']),
  action: z.string(),
  collection_name: z._default(z.string(), ''),
  record_id: z._default(z.string(), ''),
  summary: z._default(z.string(), ''),
  changes: z._default(z.nullable(z.record(z.string(), z.unknown())), {}),
  created: pbInstant,
});
export type AuditEntry = z.output<typeof auditEntrySchema>;
