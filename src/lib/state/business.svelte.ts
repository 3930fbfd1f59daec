// The business's name (the `desk_settings` row) for the queue's header and the page title: kept on the device so an
// offline start shows it too, and asked of the server again whenever the queue opens online.
import { pb } from '../client/pb';

const STORAGE_KEY = 'pocketdesk.business-name';

class Business {
  #name = $state(typeof localStorage === 'undefined' ? '' : (localStorage.getItem(STORAGE_KEY) ?? ''));

  /** '' until the first-run setup names the business. */
  get name(): string {
    return this.#name;
  }

  remember(name: string): void {
    this.#name = name;
    localStorage.setItem(STORAGE_KEY, name);
  }

  refresh(): void {
    void pb
      .collection('desk_settings')
      // The one row, without the schema module: this file is part of the queue's first-visit JS.
      .getList(1, 1, { fields: 'business_name', requestKey: null })
      .then((list) => this.remember(String(list.items[0]?.business_name ?? '')))
      .catch(() => undefined);
  }
}

export const business = new Business();
