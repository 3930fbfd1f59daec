import { en } from 'zod/locales';
import * as z from 'zod/mini';

// Both hooks bundles run this first. zod/mini loads no messages of its own: the English ones make a refused
// webhook's 400 say what is wrong. And zod compiles a fast path for every object schema with `new Function` the
// first time it parses; in PocketBase's VM that compile costs more than it saves and every pooled VM pays it again
// for every schema (measured: a sixth of loading the full bundle into a VM; parsing a webhook ~10% faster without).
z.config({ ...en(), jitless: true });
