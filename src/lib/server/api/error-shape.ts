// Every API answer with status >= 400 is JSON `{ error, detail }`, whoever produced it: the
// route (ApiError), SvelteKit itself (405 for a method the route does not export, 404 for an
// unknown /api/v1/... path, 400 for a path that is not valid percent-encoding) or an
// unexpected failure (500, with no message, path or stack from the server).
import { CORS_HEADERS } from './responses';

const ERRORS: Record<number, string> = {
  400: 'bad_request',
  404: 'not_found',
  405: 'method_not_allowed',
  500: 'internal_error',
  503: 'unavailable'
};

export function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

function shown(pathname: string): string {
  return pathname.length > 120 ? `${pathname.slice(0, 120)}...` : pathname;
}

function detailFor(status: number, method: string, pathname: string, allow: string | null): string {
  switch (status) {
    case 400:
      return `The request path ${shown(pathname)} is not valid percent-encoding.`;
    case 404:
      return `No API endpoint at ${shown(pathname)}. The endpoints are listed at /api/v1 and in /api/v1/openapi.json.`;
    case 405:
      return `${method} is not allowed on ${shown(pathname)}; allowed: ${allow ?? 'GET, HEAD, OPTIONS'}.`;
    case 503:
      return 'The data are not available right now; try again in a minute.';
    default:
      return 'The server could not answer this request.';
  }
}

async function hasShape(response: Response): Promise<boolean> {
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) return false;
  try {
    const body = (await response.clone().json()) as Record<string, unknown>;
    return typeof body?.error === 'string' && typeof body?.detail === 'string';
  } catch {
    return false;
  }
}

/** The API response as it is when it already has the shape (or is not an error), else `{ error, detail }`. */
export async function shapeApiError(response: Response, request: Request, url: URL): Promise<Response> {
  if (response.status < 400 || (await hasShape(response))) return response;
  const status = response.status >= 500 && response.status !== 503 ? 500 : response.status;
  const allow = response.headers.get('allow');
  const body = JSON.stringify({
    error: ERRORS[status] ?? `http_${status}`,
    detail: detailFor(status, request.method, url.pathname, allow)
  });
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...CORS_HEADERS };
  if (allow) headers.allow = allow;
  return new Response(request.method === 'HEAD' ? null : body, { status, headers });
}
