import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../src/simulator/template-registry';
import { DEMO_TEMPLATES } from './demo-seed.mjs';

interface SeededTemplate {
  name: string;
  language: string;
  components: { type: string; text?: string; buttons?: { text: string }[] }[];
}
const seeded = DEMO_TEMPLATES as SeededTemplate[];
const part = (t: SeededTemplate, type: string) => t.components.find((c) => c.type === type);

describe('demo templates', () => {
  it('seeds an approved survey template in English and Spanish', () => {
    expect(
      seeded
        .filter((t) => t.name === 'csat_request')
        .map((t) => t.language)
        .sort(),
    ).toEqual(['en_US', 'es']);
  });

  it.each(seeded.map((t) => [`${t.name} (${t.language})`, t] as const))('%s reads on the simulated phone exactly as seeded', (_, template) => {
    const known = DEFAULT_TEMPLATES.find((t) => t.name === template.name && t.language === template.language);
    expect(known).toBeDefined();
    expect(known?.body).toBe(part(template, 'BODY')?.text);
    expect(known?.header).toBe(part(template, 'HEADER')?.text);
    expect(known?.quickReplies).toEqual(part(template, 'BUTTONS')?.buttons?.map((b) => b.text));
  });
});
