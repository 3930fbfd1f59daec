import { findOne } from './records';

// PocketBase's records API reads a record outside any transaction, applies the request's fields and saves every
// column. A sweep, the worker or an inbound message that commits in between (their own reads are fresh: they run in
// a transaction under the single writer) had its columns written back to what the request read: an assignment
// undone by a teammate's priority change, an agent set away put back online by an admin's capacity edit. Here the
// request is carried onto the row as it stands, under the writer lock: its own changes win, every other column keeps
// the value it has now, and the hooks, the response and realtime all see that row.

/** Columns the request changed, by PocketBase's own comparison with the row it read (what a narrow UPDATE writes). */
function changedColumns(record: core.Record, app: core.App): string[] {
  record.ignoreUnchangedFields(true);
  const changed = Object.keys(record.dbExport(app)).filter((name) => name !== 'id');
  record.ignoreUnchangedFields(false);
  return changed;
}

/**
 * onRecordUpdateRequest (registered before the guards, audit and lifecycle hooks): re-reads the row inside the
 * write transaction and puts the request's changed fields on it; what runs after this handler runs in that
 * transaction, on the fresh row, and its original is the row as it was just before this save.
 *
 * PocketBase checked the collection's update rule against the row it read. The rule is checked again against the
 * fresh row: an agent whose conversation a sweep handed to a colleague in between no longer may change it, and is
 * answered as PocketBase answers a rule that does not hold (404), with nothing written.
 */
export function applyRequestToFreshRow(e: core.RecordRequestEvent): void {
  const outer = e.app;
  try {
    outer.runInTransaction((txApp) => {
      const requested = e.record!;
      const collection = requested.collection();
      const fresh = findOne(txApp, collection.name, 'id = {:id}', { id: requested.id });
      if (!fresh) throw new NotFoundError('The record was deleted meanwhile.');
      // null: superusers only (PocketBase refused everyone else already); "": anyone.
      const rule = collection.updateRule;
      if (rule && !e.hasSuperuserAuth() && !txApp.canAccessRecord(fresh, e.requestInfo(), rule))
        throw new NotFoundError('The record changed meanwhile and is no longer yours to change.');
      const fields = collection.fields;
      for (const name of changedColumns(requested, txApp)) {
        // A password travels as its value (plain text and hash): its setter would read that value as a new password.
        // Everything else goes through the field's own set, which turns the VM's numbers back into the field's type.
        if (fields.getByName(name)?.type() === 'password') fresh.setRaw(name, requested.getRaw(name));
        else fresh.set(name, requested.getRaw(name));
      }
      e.app = txApp;
      e.record = fresh;
      e.next();
    });
  } finally {
    e.app = outer;
  }
}
