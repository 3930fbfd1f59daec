import { describe, expect, it } from 'vitest';
import { PHONE_PAGE_HTML } from './phone-page';

describe('phone page', () => {
  it('never puts text into the DOM as HTML', () => {
    expect(PHONE_PAGE_HTML).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    expect(PHONE_PAGE_HTML).toContain('textContent');
  });

  it('talks to the simulator only through its control routes', () => {
    const paths = [...PHONE_PAGE_HTML.matchAll(/'(\/_sim\/[a-z?=0-9/]+)'/g)].map((match) => match[1]);
    expect(new Set(paths)).toEqual(new Set(['/_sim/inbound', '/_sim/state?webhooks=0', '/_sim/business/play']));
  });
});
