// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
    }
    interface Locals {
      /** Set by handleError when a page failed because the warehouse is missing or unreadable (answered 503). */
      warehouseUnavailable?: boolean;
    }
  }
}
export {};
