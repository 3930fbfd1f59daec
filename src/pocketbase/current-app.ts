/**
 * The running app as the hooks' code types it. PocketBase's types declare the global `$app` as the PocketBase
 * class, which implements core.App without saying so; this is the one place that says it. A module of its own
 * (no imports) so the small edge bundle can use it without loading the route kit's schemas.
 */
export function currentApp(): core.App {
  return $app as unknown as core.App;
}
