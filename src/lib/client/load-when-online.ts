// Start-up pieces that live in their own chunk (push settings, the offline copy) are useless without a network, and
// before the service worker controls a first visit their chunk cannot even be fetched offline: a failed dynamic
// import would surface as a page error. So they load when the network is there, and try again when it returns.

interface Network {
  isOnline: () => boolean;
  onOnline: (callback: () => void) => () => void;
}

const browserNetwork: Network = {
  isOnline: () => navigator.onLine,
  onOnline: (callback) => {
    window.addEventListener('online', callback, { once: true });
    return () => window.removeEventListener('online', callback);
  },
};

/** Loads a module and hands it to `use`, online only; a failed load waits for the network to return. Returns a cancel. */
export function loadWhenOnline<T>(load: () => Promise<T>, use: (module: T) => void, network: Network = browserNetwork): () => void {
  let cancelled = false;
  let stopWaiting: (() => void) | null = null;
  const attempt = () => {
    stopWaiting = null;
    if (cancelled) return;
    if (!network.isOnline()) {
      stopWaiting = network.onOnline(attempt);
      return;
    }
    load().then(
      (module) => {
        if (!cancelled) use(module);
      },
      () => {
        if (!cancelled) stopWaiting = network.onOnline(attempt);
      },
    );
  };
  attempt();
  return () => {
    cancelled = true;
    stopWaiting?.();
  };
}
