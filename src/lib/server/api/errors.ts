// API errors as values: a status (400 malformed, 404 unknown) with a short error and a detail
// sentence that says what was wrong and what is accepted. Route handlers throw them; the
// response module turns them into `{ error, detail }` JSON.
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly error: string,
    readonly detail: string
  ) {
    super(`${status} ${error}: ${detail}`);
  }
}

export const badRequest = (detail: string) => new ApiError(400, 'bad_request', detail);
export const notFound = (detail: string) => new ApiError(404, 'not_found', detail);
