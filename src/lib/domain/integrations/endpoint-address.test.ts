import { describe, expect, it } from 'vitest';
import { checkEndpointUrl, isPublicAddress } from './endpoint-address';

describe('endpoint URLs', () => {
  it.each([
    ['https://hooks.example.com/pocketdesk', true],
    ['http://crm.example.org:8080/in?x=1', true],
    ['ftp://example.com/', false],
    ['javascript:alert(1)', false],
    ['https://user:pass@example.com/', false],
    ['http://127.0.0.1:3000/', false],
    ['http://localhost/', false],
    ['http://LOCALHOST./', false],
    ['http://10.1.2.3/', false],
    ['http://172.20.0.1/', false],
    ['http://192.168.1.10/', false],
    ['http://169.254.169.254/latest/meta-data', false],
    ['http://[::1]/', false],
    ['http://[fd00::1]/', false],
    ['http://[::ffff:127.0.0.1]/', false],
    ['http://2130706433/', false],
    ['http://0x7f.1/', false],
    ['http://0.0.0.0/', false],
    ['http://8.8.8.8/', true],
    ['http://[2001:4860:4860::8888]/', true],
    ['not a url', false],
  ])('%s allowed: %s', (url, ok) => {
    expect(checkEndpointUrl(url, false).ok).toBe(ok);
  });

  it('lets the operator allow private addresses, never other schemes', () => {
    expect(checkEndpointUrl('http://127.0.0.1:3000/', true).ok).toBe(true);
    expect(checkEndpointUrl('file:///etc/passwd', true).ok).toBe(false);
  });
});

describe('resolved addresses', () => {
  it.each([
    ['93.184.216.34', true],
    ['127.0.0.53', false],
    ['100.64.0.1', false],
    ['224.0.0.1', false],
    ['::1', false],
    ['fe80::1', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:93.184.216.34', true],
    ['2606:4700::1111', true],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});
