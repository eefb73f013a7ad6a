// Running code as inside a request in a given language, outside any request (the warm-up, tests):
// the context paraglideMiddleware gives a request (hooks.server.ts), so getLocale() is `locale`.
import { AsyncLocalStorage } from 'node:async_hooks';
import { getServerAsyncLocalStorage, overwriteServerAsyncLocalStorage, type Locale } from '$lib/paraglide/runtime.js';

/** `run` with getLocale() returning `locale`; its result as it is (a promise stays in the context). */
export function withLocale<T>(locale: Locale, run: () => T): T {
  let storage = getServerAsyncLocalStorage();
  if (!storage) overwriteServerAsyncLocalStorage((storage = new AsyncLocalStorage()));
  return storage.run({ locale, messageCalls: new Set<string>() }, run);
}
