// Globals PocketBase's JS VM provides that its generated types.d.ts does not declare.
declare function require(path: string): any;
declare const console: { log(...args: unknown[]): void; error(...args: unknown[]): void; warn(...args: unknown[]): void };
