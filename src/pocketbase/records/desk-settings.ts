// The `desk_settings` row as the hooks read it: the business name and the desk's time zone.
import { DESK_SETTINGS_ID } from '../../lib/schemas/desk-settings';
import { findOne } from '../records';

export interface DeskSettings {
  /** '' until first-run setup names the business. */
  businessName: string;
  /** An IANA zone; UTC when none is stored. */
  timezone: string;
}

export function readDeskSettings(app: core.App): DeskSettings {
  const row = findOne(app, 'desk_settings', 'id = {:id}', { id: DESK_SETTINGS_ID });
  return { businessName: row?.getString('business_name') ?? '', timezone: row?.getString('timezone') || 'UTC' };
}
