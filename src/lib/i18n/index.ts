// Where each part of a language's catalog lives, and its shape.
// A catalog is split by screen so a first visit downloads one language's core strings, not every string of both.
import type admin from './en/admin';
import type channels from './en/channels';
import type core from './en/core';
import type manager from './en/manager';
import type reviews from './en/reviews';
import type settings from './en/settings';
import type signIn from './en/sign-in';
import type snooze from './en/snooze';
import type thread from './en/thread';
import type { Lang } from './langs';

export { isLang, LANG_NAMES, LANGS, pickLang, type Lang } from './langs';

/** The parts of a catalog: `core` is what every screen needs; the others belong to the routes named after them. */
export interface Parts {
  core: typeof core;
  settings: typeof settings;
  manager: typeof manager;
  reviews: typeof reviews;
  channels: typeof channels;
  admin: typeof admin;
  snooze: typeof snooze;
  thread: typeof thread;
  signIn: typeof signIn;
}
export type Part = keyof Parts;
export type Messages = Parts['core'] &
  Parts['settings'] &
  Parts['manager'] &
  Parts['reviews'] &
  Parts['channels'] &
  Parts['admin'] &
  Parts['snooze'] &
  Parts['thread'] &
  Parts['signIn'];

type Loaders = { [P in Part]: () => Promise<{ default: Parts[P] }> };

// Literal paths, so the bundler gives every part its own chunk (and the compiler checks each language's shape).
const catalogs = {
  en: {
    core: () => import('./en/core'),
    settings: () => import('./en/settings'),
    manager: () => import('./en/manager'),
    reviews: () => import('./en/reviews'),
    channels: () => import('./en/channels'),
    admin: () => import('./en/admin'),
    snooze: () => import('./en/snooze'),
    thread: () => import('./en/thread'),
    signIn: () => import('./en/sign-in'),
  },
  es: {
    core: () => import('./es/core'),
    settings: () => import('./es/settings'),
    manager: () => import('./es/manager'),
    reviews: () => import('./es/reviews'),
    channels: () => import('./es/channels'),
    admin: () => import('./es/admin'),
    snooze: () => import('./es/snooze'),
    thread: () => import('./es/thread'),
    signIn: () => import('./es/sign-in'),
  },
} satisfies Record<Lang, Loaders>;

export const PARTS = Object.keys(catalogs.en) as Part[];

/** One part of one language's catalog, downloaded on first use (the service worker precaches every part). */
export async function loadPart<P extends Part>(lang: Lang, part: P): Promise<Parts[P]> {
  const loaders: Loaders = catalogs[lang];
  return (await loaders[part]()).default;
}
