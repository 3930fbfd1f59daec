import { describe, expect, it } from 'vitest';
import { readMessageSignals } from './message-signals';

describe('readMessageSignals', () => {
  it.each([
    ['This is the worst service, I am furious', 'negative'],
    ['Esto es una estafa, son unos inútiles', 'negative'],
    ['Thank you so much, great help!', 'positive'],
    ['Muchas gracias, excelente atención', 'positive'],
    ['Where is my order?', 'neutral'],
    ['¿Dónde está mi pedido?', 'neutral'],
    ['I have a problem with my order', 'neutral'],
    ['hola, my order no funciona', 'negative'],
    ['Thanks, muy amables', 'positive'],
  ] as const)('reads "%s" as %s', (text, sentiment) => {
    expect(readMessageSignals(text).sentiment).toBe(sentiment);
  });

  it.each([
    ['I am happy with it', 'I am not happy with it'],
    ['estoy contento', 'no estoy contento'],
    ['it was great', "it wasn't great"],
    ['la atención fue excelente', 'la atención nunca fue excelente'],
  ])('turns "%s" around when negated: "%s"', (plain, negated) => {
    expect(readMessageSignals(plain).sentiment).toBe('positive');
    expect(readMessageSignals(negated).sentiment).toBe('negative');
  });

  it('does not read a negated complaint or a polite refusal as negative', () => {
    expect(readMessageSignals('Not bad at all').sentiment).toBe('positive');
    expect(readMessageSignals('No, gracias').sentiment).toBe('neutral');
    expect(readMessageSignals('no problem').sentiment).not.toBe('negative');
  });

  it.each([
    ['the delivery was bad', 'the delivery was very bad'],
    ['el envío fue malo', 'el envío fue muy malo'],
    ['the delivery was bad', 'the delivery was BAD'],
    ['this is bad', 'this is bad!!!'],
    ['where is my parcel, this is bad', 'WHERE IS MY PARCEL, THIS IS BAD'],
  ])('scores "%s" less negative than "%s" (intensifiers, capitals, exclamations)', (mild, strong) => {
    expect(readMessageSignals(strong).score).toBeLessThan(readMessageSignals(mild).score);
  });

  it('ignores accents and case', () => {
    expect(readMessageSignals('PÉSIMO SERVICIO')).toEqual(readMessageSignals('PESIMO SERVICIO'));
    expect(readMessageSignals('pesimo servicio').sentiment).toBe('negative');
  });

  it.each([
    ['Where is it 😡', 'angry-emoji'],
    ['where is it?? hello??', 'exclamations'],
    ['THIS IS TERRIBLE, NOBODY ANSWERS', 'shouting'],
    ['I am so disappointed', 'negative-words'],
  ] as const)('shows why "%s" is negative: %s', (text, cue) => {
    const signals = readMessageSignals(text);
    expect(signals.sentiment).toBe('negative');
    expect(signals.cues).toContain(cue);
  });

  it.each([
    ['This is urgent', true],
    ['I need it asap', true],
    ['Please call me right now', true],
    ['Es urgente', true],
    ['Lo necesito ya mismo', true],
    ['Respondan lo antes posible', true],
    ['URGENTE!!!', true],
    ['Not urgent, whenever you can', false],
    ['No es urgente, cuando puedan', false],
    ['Where is my order?', false],
    ['Ya lo recibí, gracias', false],
  ])('reads "%s" as urgent: %s', (text, urgent) => {
    const signals = readMessageSignals(text);
    expect(signals.urgent).toBe(urgent);
    expect(signals.cues.includes('urgent')).toBe(urgent);
  });

  it('stays neutral, not urgent and without cues on an empty or emoji-free plain message', () => {
    expect(readMessageSignals('')).toEqual({ sentiment: 'neutral', score: 0, urgent: false, cues: [] });
    expect(readMessageSignals('ok')).toEqual({ sentiment: 'neutral', score: 0, urgent: false, cues: [] });
  });

  it('keeps the score between -1 and 1 however much is piled on', () => {
    const worst = readMessageSignals('WORST HORRIBLE TERRIBLE SCAM 😡😡😡🤬🤬 USELESS THIEVES!!!!!!');
    const best = readMessageSignals('thank you thank you amazing perfect excellent 😍😍😍❤❤');
    expect(worst.score).toBeGreaterThanOrEqual(-1);
    expect(worst.score).toBeLessThan(-0.8);
    expect(best.score).toBeLessThanOrEqual(1);
    expect(best.score).toBeGreaterThan(0.8);
  });
});
