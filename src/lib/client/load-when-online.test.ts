import { describe, expect, it } from 'vitest';
import { loadWhenOnline } from './load-when-online';

function fakeNetwork(online: boolean) {
  const waiting: Array<() => void> = [];
  return {
    online,
    waiting,
    network: {
      isOnline: () => online,
      onOnline: (callback: () => void) => {
        waiting.push(callback);
        return () => waiting.splice(waiting.indexOf(callback), 1);
      },
    },
    comeOnline() {
      online = true;
      for (const callback of waiting.splice(0)) callback();
    },
    goOffline() {
      online = false;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('loadWhenOnline', () => {
  it('loads at once when online and hands the module over', async () => {
    const net = fakeNetwork(true);
    const used: string[] = [];
    loadWhenOnline(
      () => Promise.resolve('push'),
      (m) => used.push(m),
      net.network,
    );
    await settle();
    expect(used).toEqual(['push']);
  });

  it('offline, waits for the network before loading', async () => {
    const net = fakeNetwork(false);
    let loads = 0;
    const used: string[] = [];
    loadWhenOnline(
      () => (loads++, Promise.resolve('push')),
      (m) => used.push(m),
      net.network,
    );
    await settle();
    expect(loads).toBe(0);
    net.comeOnline();
    await settle();
    expect(used).toEqual(['push']);
  });

  it('a failed load is tried again when the network returns, without an unhandled rejection', async () => {
    const net = fakeNetwork(true);
    let loads = 0;
    const used: string[] = [];
    loadWhenOnline(
      () => (++loads === 1 ? Promise.reject(new Error('Failed to fetch dynamically imported module')) : Promise.resolve('copy')),
      (m) => used.push(m),
      net.network,
    );
    await settle();
    expect(used).toEqual([]);
    net.goOffline();
    net.comeOnline();
    await settle();
    expect(loads).toBe(2);
    expect(used).toEqual(['copy']);
  });

  it('cancelled, neither loads later nor uses a module that arrives late', async () => {
    const net = fakeNetwork(false);
    let loads = 0;
    const cancel = loadWhenOnline(
      () => (loads++, Promise.resolve('x')),
      () => expect.fail('used after cancel'),
      net.network,
    );
    cancel();
    net.comeOnline();
    await settle();
    expect(loads).toBe(0);
    const late = fakeNetwork(true);
    const cancelLate = loadWhenOnline(
      () => Promise.resolve('x'),
      () => expect.fail('used after cancel'),
      late.network,
    );
    cancelLate();
    await settle();
  });
});
