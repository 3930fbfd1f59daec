// Meta's webhook bodies are PHP-style `json_encode` output: compact, ASCII-only, lowercase `\uXXXX` escapes and `\/`.
// The signature covers those exact bytes, so a backend that re-serialises before hashing fails on any non-ASCII text;
// the simulator must reproduce the form faithfully for that bug to show up locally.

const NON_ASCII = /[\u0080-\uffff]/g;

function escapeCodeUnit(unit: string): string {
  return `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Serialises a JSON value exactly as Meta puts it on the wire (emoji become lowercase surrogate-pair escapes). */
export function serializeLikeMeta(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('value is not JSON-serialisable');
  // `/` only ever occurs inside strings in JSON text, so a blanket replace is safe.
  return json.replace(/\//g, '\\/').replace(NON_ASCII, escapeCodeUnit);
}
