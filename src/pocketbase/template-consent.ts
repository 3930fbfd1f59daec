import { findOne } from './records';

// Issue #19: a marketing template is never sent to a customer who stopped marketing messages on WhatsApp
// (`user_preferences` stop sets `contacts.marketing_opt_out`); Meta would refuse it too (131050).

export function templateConsentRefusal(app: core.App, templateId: string, contact: core.Record): 'marketing-opt-out' | null {
  if (!contact.getBool('marketing_opt_out')) return null;
  const template = findOne(app, 'templates', 'id = {:id}', { id: templateId });
  return template?.getString('category') === 'marketing' ? 'marketing-opt-out' : null;
}
