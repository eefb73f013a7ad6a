// The stocktaking template as the server knows it: data/stocktaking/schema.json, bundled at
// build time, and the ids an entry may refer to (from the warehouse when it is there).
import schema from '../../../data/stocktaking/schema.json';
import { templateFromSchema, type References } from '../../../pipelines/sources/stocktaking/template';
import { query, WarehouseMissing } from './warehouse';

export const TEMPLATE_SCHEMA = schema;
export const TEMPLATE = templateFromSchema(schema as Parameters<typeof templateFromSchema>[0]);

/** Loaded action lines and countries; the template's own list and no country check without a warehouse. */
export async function templateReferences(): Promise<References & { fromWarehouse: boolean }> {
  try {
    const lines = await query<{ id: string }>('SELECT id FROM action_line');
    const countries = await query<{ code: string }>('SELECT code FROM economy WHERE NOT is_aggregate');
    return {
      actionLines: lines.length ? new Set(lines.map((r) => r.id)) : TEMPLATE.actionLines,
      countries: countries.length ? new Set(countries.map((r) => r.code)) : null,
      fromWarehouse: true
    };
  } catch (err) {
    if (!(err instanceof WarehouseMissing)) throw err;
    return { actionLines: TEMPLATE.actionLines, countries: null, fromWarehouse: false };
  }
}
