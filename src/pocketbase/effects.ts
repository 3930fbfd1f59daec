// What applying an event writes, as a list: decisions add rows to a writer; one writer carries them out.

export type EffectOp = 'create' | 'update' | 'delete';

/** One row an event writes: which collection, created, updated or deleted. */
export interface Effect {
  op: EffectOp;
  collection: string;
  record: core.Record;
}

/** A column update written by plain SQL (no record hooks, no realtime event): round robin's clock. */
export interface ColumnUpdate {
  collection: string;
  id: string;
  column: string;
  value: string;
}

/** Where decisions put the rows they write. */
export interface Writer {
  save(record: core.Record): void;
  delete(record: core.Record): void;
  update(change: ColumnUpdate): void;
}

function runUpdate(app: Pick<core.App, 'db'>, change: ColumnUpdate): void {
  // Identifiers come from our own code, never from a request.
  app
    .db()
    .newQuery(`UPDATE ${change.collection} SET ${change.column} = {:value} WHERE id = {:id}`)
    .bind({ value: change.value, id: change.id } as dbx.Params)
    .execute();
}

/** Writes each row at once: for the paths that are not an inbound event (sweeps, staff routes). */
export function immediateWriter(app: core.App): Writer {
  return { save: (record) => app.save(record), delete: (record) => app.delete(record), update: (change) => runUpdate(app, change) };
}

/** The minimum of a record the list needs (so the list's rules can be tested under Node with fake records). */
type RecordLike = Pick<core.Record, 'isNew'> & { collection(): { name: string } };

/**
 * Collects an event's effects. A row saved several times is written once, at its first place in the list, with its
 * final values: a new customer's contact, ticket and routing make one save each instead of three. The order of
 * first saves keeps relations valid (the contact before the ticket, the ticket before its messages).
 */
export class EffectList implements Writer {
  private pending: Array<Effect | (ColumnUpdate & { op: 'sql' })> = [];
  /** Everything written so far, in order: what the event caused. */
  readonly written: Array<Omit<Effect, 'record'>> = [];

  update(change: ColumnUpdate): void {
    this.pending.push({ ...change, op: 'sql' });
  }

  save(record: core.Record): void {
    if (this.pending.some((effect) => 'record' in effect && effect.record === record && effect.op !== 'delete')) return;
    const like = record as unknown as RecordLike;
    this.pending.push({ op: like.isNew() ? 'create' : 'update', collection: like.collection().name, record });
  }

  delete(record: core.Record): void {
    const index = this.pending.findIndex((effect) => 'record' in effect && effect.record === record);
    const like = record as unknown as RecordLike;
    // A row created and deleted within the event never reaches the database.
    if (index >= 0 && this.pending[index]!.op === 'create') {
      this.pending.splice(index, 1);
      return;
    }
    if (index >= 0) this.pending.splice(index, 1);
    this.pending.push({ op: 'delete', collection: like.collection().name, record });
  }

  /** Rows waiting to be written in a collection (a decision may look at what the event already decided). */
  planned(collection: string): core.Record[] {
    return this.pending.flatMap((effect) => ('record' in effect && effect.collection === collection && effect.op !== 'delete' ? [effect.record] : []));
  }

  /** Carries out what is pending, in order, through `app` (the event's transaction). */
  flush(app: Pick<core.App, 'save' | 'delete' | 'db'>): void {
    const effects = this.pending;
    this.pending = [];
    for (const effect of effects) {
      if (effect.op === 'sql') runUpdate(app, effect);
      else if (effect.op === 'delete') app.delete(effect.record);
      else app.save(effect.record);
      this.written.push({ op: effect.op === 'sql' ? 'update' : effect.op, collection: effect.collection });
    }
  }

  /** "collection.op" → how many, for the event's summary. */
  counts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const effect of this.written) counts[`${effect.collection}.${effect.op}`] = (counts[`${effect.collection}.${effect.op}`] ?? 0) + 1;
    return counts;
  }
}
