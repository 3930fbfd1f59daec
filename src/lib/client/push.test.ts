import { describe, expect, it } from 'vitest';
import { subscriptionRow } from '../schemas/push';
import { isDuplicateEndpoint, pushSupport, vapidKeyBytes, type DeviceTraits } from './push';

const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPAD_AS_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';

const device = (traits: Partial<DeviceTraits>): DeviceTraits => ({
  userAgent: ANDROID,
  maxTouchPoints: 5,
  standalone: false,
  hasServiceWorker: true,
  hasPushManager: true,
  hasNotification: true,
  ...traits,
});

describe('pushSupport', () => {
  it.each([
    ['Chrome on Android, in the browser', device({}), 'supported'],
    ['Safari on iPhone, in the browser', device({ userAgent: IPHONE, hasPushManager: false }), 'ios-install'],
    ['an iPad that says it is a Mac, in the browser', device({ userAgent: IPAD_AS_MAC, hasPushManager: false }), 'ios-install'],
    ['a real Mac (no touch screen)', device({ userAgent: IPAD_AS_MAC, maxTouchPoints: 0 }), 'supported'],
    ['the installed app on iOS 16.4+', device({ userAgent: IPHONE, standalone: true }), 'supported'],
    ['the installed app on an older iOS', device({ userAgent: IPHONE, standalone: true, hasPushManager: false }), 'unsupported'],
    ['a browser without service workers', device({ hasServiceWorker: false }), 'unsupported'],
  ])('%s: %s', (_, traits, support) => {
    expect(pushSupport(traits)).toBe(support);
  });
});

describe('vapidKeyBytes', () => {
  it('decodes base64url without padding', () => {
    expect([...vapidKeyBytes('AQID_-8')]).toEqual([1, 2, 3, 255, 239]);
  });
});

describe('isDuplicateEndpoint', () => {
  it('recognises PocketBase’s unique-index refusal on the endpoint only', () => {
    expect(isDuplicateEndpoint({ status: 400, response: { data: { endpoint: { code: 'validation_not_unique' } } } })).toBe(true);
    expect(isDuplicateEndpoint({ status: 400, response: { data: { auth: { code: 'validation_required' } } } })).toBe(false);
    expect(isDuplicateEndpoint({ status: 0 })).toBe(false);
  });
});

describe('subscriptionRow', () => {
  const json = { endpoint: 'https://push.example.com/send/abc', expirationTime: null, keys: { p256dh: 'BNcR', auth: 'tBHI' } };

  it('turns the browser’s subscription into a row for the agent', () => {
    expect(subscriptionRow('agent1', json, 'UA')).toEqual({ agent: 'agent1', endpoint: json.endpoint, p256dh: 'BNcR', auth: 'tBHI', user_agent: 'UA' });
  });

  it.each([
    ['no keys', { endpoint: json.endpoint }],
    ['an endpoint that is not a URL', { ...json, endpoint: 'not a url' }],
    ['an endpoint that is not http(s)', { ...json, endpoint: 'javascript:alert(1)' }],
    ['nothing', null],
  ])('refuses %s', (_, value) => {
    expect(subscriptionRow('agent1', value, 'UA')).toBeNull();
  });
});
