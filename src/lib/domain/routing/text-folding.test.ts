import { describe, expect, it } from 'vitest';
import { foldText, hasPhrase, wordsOf } from './text-folding';

describe('foldText', () => {
  it.each([
    ['Quiero un REEMBOLSO!!', ' quiero un reembolso '],
    ['¿Dónde está mi pedido?', ' donde esta mi pedido '],
    ['Não recebi a encomenda 😡', ' nao recebi a encomenda '],
    ['  straße,   Æsop  ', ' strasse aesop '],
    ['', ' '],
    ['👍👍', ' '],
    ['Привет мир', ' привет мир '],
  ])('folds %j to %j', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe('hasPhrase', () => {
  it.each([
    ['I want a REFUND now', 'refund', true],
    ['refunds please', 'refund', false],
    ['refunds please', 'refund*', true],
    ['quiero mi reembólso', 'reembolso', true],
    ['quiero mi reembolso', 'Reembólso', true],
    ['it is an emergency, right now!', 'right now', true],
    ['right-now', 'right now', true],
    ['rightnow', 'right now', false],
    ['anything', '!!!', false],
    ['anything', '*', false],
  ])('in %j finds %j: %s', (text, phrase, expected) => {
    expect(hasPhrase(foldText(text), phrase)).toBe(expected);
  });
});

describe('wordsOf', () => {
  it('keeps accents and drops punctuation and emoji', () => {
    expect(wordsOf('¡Olá! Você está bem? 😀 ok')).toEqual(['olá', 'você', 'está', 'bem', 'ok']);
  });
});
