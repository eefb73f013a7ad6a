// What a page answers when the warehouse is missing or cannot be opened: 503 with a plain
// page (no layout, which would query the warehouse again), never a 500 or the file's path.
// In the page's language: from its URL when given (the hook that answers runs after the
// language's context has ended), else the request's.
import { extractLocaleFromUrl, getLocale, type Locale } from '$lib/paraglide/runtime.js';
import { m } from '$lib/paraglide/messages.js';

export function unavailablePage(url?: URL): Response {
  const locale: Locale = (url && extractLocaleFromUrl(url)) || getLocale();
  const say = { locale };
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${m.unavailable_title({}, say)} · ${m.site_name({}, say)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>${m.unavailable_h1({}, say)}</h1>
<p>${m.unavailable_body({}, say)}</p>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '60' }
  });
}
