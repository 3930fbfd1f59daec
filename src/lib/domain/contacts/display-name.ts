/** What a customer is called on every screen, push and export: the name an agent gave, else their WhatsApp profile name, username or number. */
export interface CustomerNames {
  name: string;
  profileName: string;
  username: string;
  waId: string;
}

/** The one display-name rule for a customer; '' when WhatsApp told us nothing at all. */
export function customerDisplayName(names: CustomerNames): string {
  return names.name || names.profileName || names.username || names.waId || '';
}
