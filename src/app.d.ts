// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
    }
    interface Locals {
      /** Set by handleError when a page failed because the warehouse is missing or unreadable (answered 503). */
      warehouseUnavailable?: boolean;
      /**
       * Set by the page-cache handle: the rendered page's HTML is handed over here instead of through
       * SvelteKit's response (hooks.server.ts), with the per-build fragments its render left tokens for
       * (page-splice.ts).
       */
      pageHtml?: { html?: string; splice: import('$lib/server/page-splice').SpliceSink };
    }
  }
}
export {};
