import { describe, expect, it } from 'vitest';
import { autoRepliesDraftOf, autoRepliesInputOf } from './auto-replies-draft';
import { routingDraftOf, routingInputOf } from './routing-draft';
import { isFaqBotOn, voicePreviewRows } from './voice-preview';

const sample = { channelName: 'Sol Shop', customerName: 'Ana', agentName: 'Ben', ownerName: 'Olu', timezone: 'Europe/Madrid' };
const textOf = (rows: ReturnType<typeof voicePreviewRows>, customer: string, closed: boolean, staffOnline: boolean) =>
  rows.find((r) => r.case.customer === customer && r.case.closed === closed && r.case.staffOnline === staffOnline)?.text;

describe('what the customer will get, as the admin sees it', () => {
  it('shows the defaults of a fresh install, the closed rows with the sample opening in the channel’s zone', () => {
    const rows = voicePreviewRows(null, null, 'en', sample);
    expect(rows).toHaveLength(20);
    expect(textOf(rows, 'new', true, false)).toBe("Hi Ana! Thanks for writing to Sol Shop. We're closed right now. We open Monday at 09:00 (Europe/Madrid).");
    expect(textOf(rows, 'new', false, true)).toBe("Hi Ana! Thanks for writing to Sol Shop. We'll be with you in a moment.");
    expect(textOf(rows, 'returning', false, true)).toBeNull();
  });

  it("says who gets the conversation: a cover when the owner's shift ended, the only agent of a one-person desk even offline", () => {
    const rows = voicePreviewRows(null, null, 'en', sample);
    const holderOf = (customer: string, staffOnline: boolean) =>
      rows.find((r) => r.case.customer === customer && !r.case.closed && r.case.staffOnline === staffOnline)?.holder;
    expect(holderOf('owner-off-shift', true)).toEqual({ who: 'agent', name: 'Ben', online: true });
    expect(holderOf('alone', false)).toEqual({ who: 'agent', name: 'Ben', online: false });
    expect(holderOf('new', false)).toBeNull();
  });

  it('writes the texts in the reply language', () => {
    expect(textOf(voicePreviewRows({}, {}, 'es', sample), 'new', true, true)).toBe(
      '¡Hola Ana! Gracias por escribir a Sol Shop. Ahora mismo estamos cerrados. Abrimos el lunes a las 09:00 (Europe/Madrid).',
    );
  });

  it('follows the forms’ working copies as the admin edits them', () => {
    const replies = autoRepliesDraftOf(null, 'en');
    replies.afterAssign.enabled = true;
    const routing = routingDraftOf(null);
    routing.agentsOffline.autoReply.text = 'Back soon!';
    const rows = voicePreviewRows(autoRepliesInputOf(replies), routingInputOf(routing), 'en', sample);
    expect(textOf(rows, 'new', false, true)).toBe('Hi Ana! Thanks for writing to Sol Shop. Ben will help you shortly.');
    expect(textOf(rows, 'owner-online', false, true)).toBe('Olu will help you shortly.');
    expect(textOf(rows, 'owner-offline', false, false)).toBeNull();
    expect(textOf(rows, 'returning', false, false)).toBe('Back soon!');
  });

  it('knows when the FAQ bot answers first', () => {
    expect([isFaqBotOn({ enabled: true }), isFaqBotOn({ enabled: false }), isFaqBotOn(null)]).toEqual([true, false, false]);
  });
});
