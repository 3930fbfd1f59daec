// The business's name (the `desk_settings` row) for the queue's header and the page title: kept on the device so an
// offline start shows it too, and asked of the server again whenever the queue opens online.
import { pb } from '../client/pb';
import { DESK_SETTINGS_ID } from '../schemas/desk-settings';

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
      .getOne(DESK_SETTINGS_ID, { fields: 'business_name', requestKey: null })
      .then((row) => this.remember(typeof row.business_name === 'string' ? row.business_name : ''))
      .catch(() => undefined);
  }
}

export const business = new Business();
