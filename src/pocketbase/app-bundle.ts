import type * as AppBundle from './index';

declare const require: (path: string) => unknown;

/** The full hooks bundle, loaded into this VM on first use (see edge.ts for why it is not always loaded). */
export function appBundle(): typeof AppBundle {
  return require(`${__hooks}/app.js`) as typeof AppBundle;
}
