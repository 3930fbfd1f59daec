import { describe, expect, it } from 'vitest';
import { DEFAULT_CSAT_SETTINGS } from '../domain/csat/csat-settings';
import { checkCsatSettings } from './csat';

const codes = (raw: unknown) => {
  const result = checkCsatSettings(raw);
  return result.ok ? {} : Object.fromEntries(Object.entries(result.errors).map(([path, error]) => [path, error.code]));
};

describe('checkCsatSettings', () => {
  it('starts enabled, skipping bot-resolved conversations, with English and Spanish texts', () => {
    expect(checkCsatSettings({})).toEqual({ ok: true, settings: DEFAULT_CSAT_SETTINGS });
    expect(DEFAULT_CSAT_SETTINGS).toMatchObject({ enabled: true, askBotResolved: false, templateName: 'csat_request' });
  });

  it('keeps what was set and fills the rest', () => {
    expect(checkCsatSettings({ askBotResolved: true, question: { es: '¿Qué tal?' }, templateName: '' })).toMatchObject({
      ok: true,
      settings: { askBotResolved: true, question: { en: DEFAULT_CSAT_SETTINGS.question.en, es: '¿Qué tal?' }, templateName: '' },
    });
  });

  it.each([
    ['an empty question', { question: { en: '  ' } }, { 'question.en': 'too-small' }],
    ['a question over the interactive body limit', { question: { es: 'x'.repeat(1025) } }, { 'question.es': 'too-big' }],
    ['a template name Meta would refuse', { templateName: 'CSAT Request' }, { templateName: 'invalid-format' }],
    ['a flag that is not a boolean', { enabled: 'yes' }, { enabled: 'invalid-type' }],
  ])('refuses %s', (_, raw, expected) => {
    expect(codes(raw)).toEqual(expected);
  });
});
