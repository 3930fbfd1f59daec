import { z } from 'zod';

/** A label as staff write it: the device's form and the server's guard on `labels` parse with this one schema. */
export const labelInputSchema = z.object({
  name: z.string().trim().min(1).max(50),
  // A CSS colour the queue's chips use as is; empty means the app's neutral chip.
  color: z
    .string()
    .refine((value) => value === '' || /^#[0-9a-f]{6}$/i.test(value), { message: 'Use a colour like #2f6fde.', params: { code: 'invalid-color' } })
    .default(''),
});
export type LabelInput = z.infer<typeof labelInputSchema>;
