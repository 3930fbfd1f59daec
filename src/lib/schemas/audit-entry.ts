// One audit_log row as the admin's audit screen reads it. Full zod: only that route loads it.
import { z } from 'zod';

const pbInstant = z.string().transform((value) => {
  const at = Date.parse(value.replace(' ', 'T'));
  return Number.isFinite(at) ? at : null;
});

export const auditEntrySchema = z.object({
  id: z.string(),
  actor: z.string().default(''),
  actor_kind: z.enum(['agent', 'superuser', 'system']),
  action: z.string(),
  collection_name: z.string().default(''),
  record_id: z.string().default(''),
  summary: z.string().default(''),
  changes: z.record(z.string(), z.unknown()).nullable().default({}),
  created: pbInstant,
});
export type AuditEntry = z.output<typeof auditEntrySchema>;
