// zod/mini like the other schemas the hooks load: full zod in the hooks' bundle is evaluated by every pooled VM.
import * as z from 'zod/mini';

/** A label as staff write it: the device's form and the server's guard on `labels` parse with this one schema. */
export const labelInputSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(50)),
  // A CSS colour the queue's chips use as is; empty means the app's neutral chip.
  color: z._default(
    z
      .string()
      .check(z.refine((value) => value === '' || /^#[0-9a-f]{6}$/i.test(value), { message: 'Use a colour like #2f6fde.', params: { code: 'invalid-color' } })),
    '',
  ),
});
export type LabelInput = z.infer<typeof labelInputSchema>;
