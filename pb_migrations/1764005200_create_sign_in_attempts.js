/// <reference path="../.pocketbase/types.d.ts" />
// Sign-in protection (src/pocketbase/sign-in-protection.ts). Failed password sign-ins are counted per account in
// `sign_in_attempts` (no API rules: superusers only; deleting a row in the admin UI unlocks that account), so the
// per-IP limit can be sized for a whole office behind one NAT: 300 sign-ins a minute per address instead of 30.

function setPasswordSignInsPerMinute(app, maxRequests) {
  const settings = app.settings();
  // Rebuilt rather than edited in place: the rules are Go structs, and a loop variable would be a copy.
  settings.rateLimits.rules = settings.rateLimits.rules.map((rule) => ({
    label: rule.label,
    audience: rule.audience,
    duration: rule.duration,
    maxRequests: rule.label === '*:auth' ? maxRequests : rule.maxRequests,
  }));
  app.save(settings);
}

migrate(
  (app) => {
    const collection = new Collection({
      id: 'pd_sign_in_atts',
      type: 'base',
      name: 'sign_in_attempts',
      listRule: null,
      viewRule: null,
      createRule: null,
      updateRule: null,
      deleteRule: null,
      fields: [
        // "<auth collection>:<identity as typed, lower-cased>": unknown identities are counted like real ones.
        { name: 'identity', type: 'text', required: true, max: 300 },
        { name: 'failures', type: 'number', onlyInt: true, min: 0 },
        { name: 'window_started_at', type: 'date' },
        { name: 'last_failure_at', type: 'date' },
        { name: 'locked_until', type: 'date' },
        { name: 'locks', type: 'number', onlyInt: true, min: 0 },
      ],
      indexes: ['CREATE UNIQUE INDEX idx_sign_in_attempts_identity ON sign_in_attempts (identity)'],
    });
    app.save(collection);

    setPasswordSignInsPerMinute(app, 300);
  },
  (app) => {
    setPasswordSignInsPerMinute(app, 30);
    app.delete(app.findCollectionByNameOrId('sign_in_attempts'));
  },
);
