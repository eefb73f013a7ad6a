// Security headers on every response. Pages send no JavaScript (csr = false), so the policy
// forbids every script; styles are inline (inlined CSS, Plot's SVG attributes), images are
// inline SVG or data: URLs. Pages may not be framed, except the embed view (by path prefix)
// that exists to be framed by other sites.
export const EMBED_PREFIX = '/embed/';

const BASE_POLICY = [
  "default-src 'none'",
  "script-src 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'"
];

export function isEmbedPath(pathname: string): boolean {
  return pathname === EMBED_PREFIX.slice(0, -1) || pathname.startsWith(EMBED_PREFIX);
}

/** The headers for a response to `pathname`. */
export function securityHeaders(pathname: string): Record<string, string> {
  const embed = isEmbedPath(pathname);
  const headers: Record<string, string> = {
    'content-security-policy': [...BASE_POLICY, ...(embed ? [] : ["frame-ancestors 'none'"])].join('; '),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'cross-origin-opener-policy': 'same-origin'
  };
  if (!embed) headers['x-frame-options'] = 'DENY';
  return headers;
}

/** The response with the headers set (copied first when its headers are immutable). */
export function withSecurityHeaders(response: Response, pathname: string): Response {
  const extra = securityHeaders(pathname);
  try {
    for (const [k, v] of Object.entries(extra)) response.headers.set(k, v);
    return response;
  } catch {
    const copy = new Response(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) });
    for (const [k, v] of Object.entries(extra)) copy.headers.set(k, v);
    return copy;
  }
}
