import { describe, expect, it } from 'vitest';
import { SERVICE_WINDOW_MS } from '../window/service-window';
import { csatCommentPrompt, planCsatRequest, type CsatConversation } from './csat-request';
import { DEFAULT_CSAT_SETTINGS, csatLanguageOf, type CsatSettings } from './csat-settings';

const now = Date.UTC(2026, 5, 15, 10, 0);
const HOUR = 3_600_000;
const settings = (over: Partial<CsatSettings> = {}): CsatSettings => ({ ...DEFAULT_CSAT_SETTINGS, ...over });
const resolved = (over: Partial<CsatConversation> = {}): CsatConversation => ({
  resolvedBy: 'agent',
  lastInboundAt: now - HOUR,
  csatRequestedAt: null,
  ...over,
});

describe('planCsatRequest', () => {
  it('sends a five-row list with the question while the 24-hour window is open', () => {
    expect(planCsatRequest(resolved(), settings(), now)).toEqual({
      kind: 'list',
      body: DEFAULT_CSAT_SETTINGS.question.en,
      button: 'Rate',
      rows: [
        { id: 'csat:1', title: '1 – Very bad' },
        { id: 'csat:2', title: '2 – Bad' },
        { id: 'csat:3', title: '3 – Okay' },
        { id: 'csat:4', title: '4 – Good' },
        { id: 'csat:5', title: '5 – Excellent' },
      ],
    });
  });

  it('asks in Spanish for a Spanish-speaking customer', () => {
    const request = planCsatRequest(resolved({ language: 'es' }), settings(), now);
    expect(request).toMatchObject({ kind: 'list', body: DEFAULT_CSAT_SETTINGS.question.es, button: 'Valorar' });
    expect(request?.kind === 'list' && request.rows[4]).toEqual({ id: 'csat:5', title: '5 – Excelente' });
  });

  it('keeps row titles and the button within WhatsApp’s limits', () => {
    for (const language of ['en', 'es']) {
      const request = planCsatRequest(resolved({ language }), settings(), now);
      if (request?.kind !== 'list') throw new Error('expected a list');
      expect(request.button.length).toBeLessThanOrEqual(20);
      for (const row of request.rows) expect(row.title.length).toBeLessThanOrEqual(24);
    }
  });

  it.each([
    ['the last customer message was just under 24 hours ago', now - SERVICE_WINDOW_MS + 1, 'list'],
    ['the window closed exactly now', now - SERVICE_WINDOW_MS, 'template'],
    ['the customer wrote two days ago', now - 48 * HOUR, 'template'],
    ['the customer never wrote', null, 'template'],
  ])('sends a %s → %s', (_, lastInboundAt, kind) => {
    expect(planCsatRequest(resolved({ lastInboundAt }), settings(), now)?.kind).toBe(kind);
  });

  it('names the template and its language when the window is closed', () => {
    expect(planCsatRequest(resolved({ lastInboundAt: null, language: 'es-MX' }), settings(), now)).toEqual({
      kind: 'template',
      name: 'csat_request',
      language: 'es',
    });
  });

  it.each([
    ['surveys are off', resolved(), { enabled: false }],
    ['the conversation is not resolved', resolved({ resolvedBy: null }), {}],
    ['the survey was already sent', resolved({ csatRequestedAt: now - HOUR }), {}],
    ['the bot resolved it and bot conversations are not surveyed', resolved({ resolvedBy: 'bot' }), {}],
    ['the window is closed and no template is set', resolved({ lastInboundAt: null }), { templateName: '  ' }],
  ])('sends nothing when %s', (_, conversation, over) => {
    expect(planCsatRequest(conversation, settings(over), now)).toBeNull();
  });

  it.each([
    ['the bot', 'bot', { askBotResolved: true }],
    ['the system', 'system', {}],
  ] as const)('surveys a conversation resolved by %s when allowed', (_, resolvedBy, over) => {
    expect(planCsatRequest(resolved({ resolvedBy }), settings(over), now)?.kind).toBe('list');
  });
});

describe('csatCommentPrompt and languages', () => {
  it.each([
    ['es', 'es'],
    ['ES-ar', 'es'],
    ['es_419', 'es'],
    ['en', 'en'],
    ['pt', 'en'],
    ['est', 'en'],
    [null, 'en'],
  ])('reads %s as %s', (code, language) => {
    expect(csatLanguageOf(code)).toBe(language);
  });

  it('gives the prompt in the customer’s language, or null when it is empty', () => {
    expect(csatCommentPrompt(settings(), 'es')).toBe(DEFAULT_CSAT_SETTINGS.commentPrompt.es);
    expect(csatCommentPrompt(settings({ commentPrompt: { en: '', es: 'x' } }), 'en')).toBeNull();
  });
});
