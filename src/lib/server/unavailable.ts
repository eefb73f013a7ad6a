// What a page answers when the warehouse is missing or cannot be opened: 503 with a plain
// page (no layout, which would query the warehouse again), never a 500 or the file's path.
export function unavailablePage(): Response {
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Data unavailable · WSIS progress monitor</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>The data are not available right now</h1>
<p>The WSIS progress monitor cannot read its data at the moment, usually while a new build is being published. Please try again in a minute.</p>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '60' }
  });
}
