// The app's one outbox: kept in the device's database, delivered through PocketBase.
import { db } from './db';
import { Outbox } from './outbox';
import { pb } from './pb';
import { pocketBaseTransport } from './pb-transport';

export const outbox = new Outbox(db, pocketBaseTransport(pb));
