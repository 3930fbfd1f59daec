import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language-detection';

// Generated cases run thousands of decisions; give them room on a loaded CI machine.
const GENERATED = { timeout: 30_000 };

describe('detectLanguage', () => {
  it.each([
    ['Hola, quiero saber dónde está mi pedido por favor', 'es'],
    ['hola', 'es'],
    ['Buenas tardes, necesito ayuda con mi cuenta', 'es'],
    ['¿Tienen envíos a Bogotá?', 'es'],
    ['Olá, não recebi o meu pedido ainda', 'pt'],
    ['Oi, você pode me ajudar? Obrigado', 'pt'],
    ['Bom dia! Quero saber o preço', 'pt'],
    ['Hello, where is my order? Thanks', 'en'],
    ['I need help with the delivery please', 'en'],
    ['hi', 'en'],
  ])('reads %j as %s', (text, language) => {
    expect(detectLanguage(text)?.language).toBe(language);
  });

  it.each([[''], ['ok'], ['👍'], ['12345'], ['pedido favor'], ['de que por para']])('has no opinion on %j', (text) => {
    expect(detectLanguage(text)).toBeNull();
  });

  it('is more confident with more evidence', () => {
    const short = detectLanguage('hola')!;
    const long = detectLanguage('Hola, buenas tardes, quiero saber si tienen el producto y cuándo llega')!;
    expect(short.confidence).toBeGreaterThan(0);
    expect(long.confidence).toBeGreaterThan(short.confidence);
    expect(long.confidence).toBeLessThanOrEqual(1);
  });

  it('keeps confidence between 0 and 1 on arbitrary text', GENERATED, () => {
    const words = ['hola', 'the', 'não', 'quiero', 'please', 'obrigado', 'x', '¿', 'ñ', 'ç', 'de', 'pedido'];
    let seed = 1;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 2000; i++) {
      const text = Array.from({ length: Math.floor(next() * 12) }, () => words[Math.floor(next() * words.length)]).join(' ');
      const detected = detectLanguage(text);
      if (detected) {
        expect(['en', 'es', 'pt']).toContain(detected.language);
        expect(detected.confidence).toBeGreaterThan(0);
        expect(detected.confidence).toBeLessThanOrEqual(1);
      }
    }
  });
});
