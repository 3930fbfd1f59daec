import { describe, expect, it } from 'vitest';
import { csatOutlook, pickSurveyTemplate } from './csat-outlook';
import { DEFAULT_CSAT_SETTINGS, type CsatSettings } from './csat-settings';

const now = Date.UTC(2026, 5, 15, 10, 0);
const HOUR = 3_600_000;
const settings = (over: Partial<CsatSettings> = {}): CsatSettings => ({ ...DEFAULT_CSAT_SETTINGS, ...over });
const english = { name: 'csat_request', language: 'en_US' };
const spanish = { name: 'csat_request', language: 'es' };

describe('csatOutlook', () => {
  it.each([
    ['inside the window', now - HOUR, settings(), [], null, { kind: 'list' }],
    [
      'outside the window with the approved template',
      now - 30 * HOUR,
      settings(),
      [english],
      null,
      { kind: 'template', name: 'csat_request', language: 'en_US' },
    ],
    [
      'outside the window without an approved template',
      now - 30 * HOUR,
      settings(),
      [{ name: 'order_update', language: 'en_US' }],
      null,
      { kind: 'no-template', name: 'csat_request' },
    ],
    [
      'outside the window with no template named in the settings',
      now - 30 * HOUR,
      settings({ templateName: '' }),
      [english],
      null,
      { kind: 'no-template', name: '' },
    ],
    ['never written (no window)', null, settings(), [], null, { kind: 'no-template', name: 'csat_request' }],
    ['with surveys off', now - 30 * HOUR, settings({ enabled: false }), [], null, { kind: 'not-asked', reason: 'surveys-off' }],
    ['already asked', now - 30 * HOUR, settings(), [], now - 2 * HOUR, { kind: 'not-asked', reason: 'already-asked' }],
  ] as const)('resolving %s', (_, lastInboundAt, csat, approved, csatRequestedAt, expected) => {
    expect(csatOutlook({ lastInboundAt, csatRequestedAt }, csat, approved, now)).toEqual(expected);
  });

  it('sends a Spanish-speaking customer the Spanish template when both exist', () => {
    expect(csatOutlook({ lastInboundAt: now - 30 * HOUR, csatRequestedAt: null, language: 'es-MX' }, settings(), [english, spanish], now)).toEqual({
      kind: 'template',
      name: 'csat_request',
      language: 'es',
    });
  });
});

describe('pickSurveyTemplate', () => {
  it('falls back to any language of the named template, and to nothing without one', () => {
    expect(pickSurveyTemplate([english], 'csat_request', 'es')).toBe(english);
    expect(pickSurveyTemplate([spanish, english], 'csat_request', 'en')).toBe(english);
    expect(pickSurveyTemplate([english], 'other', 'en')).toBeNull();
  });
});
