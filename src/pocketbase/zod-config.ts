import { en } from 'zod/locales';
import * as z from 'zod/mini';

// The full hooks bundle runs this first. zod/mini loads no messages of its own: the English ones explain why a
// webhook part or a request was refused. And zod compiles a fast path for every object schema with `new Function` the
// first time it parses; in PocketBase's VM that compile costs more than it saves and every pooled VM pays it again
// for every schema (measured: a sixth of loading the full bundle into a VM; parsing a webhook ~10% faster without).
z.config({ ...en(), jitless: true });
