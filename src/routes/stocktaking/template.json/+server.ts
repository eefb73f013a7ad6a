// The stocktaking template (a Frictionless Table Schema) as a download.
import { TEMPLATE_SCHEMA } from '$lib/server/stocktaking-template';

export const GET = () =>
  new Response(JSON.stringify(TEMPLATE_SCHEMA, null, 2), {
    headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': 'inline; filename="wsis-stocktaking-schema.json"' }
  });
