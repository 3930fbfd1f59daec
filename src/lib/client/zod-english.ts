// zod/mini loads no messages of its own (full zod sets English on import): the admin forms show zod's English
// wording for a problem the app has no translation of, so the modules that explain refusals on the device load it.
// Kept out of the first visit: only the lazily loaded forms import this.
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());
