// Indicator units and names as pages write them (no Plot here: safe for the browser bundle).
import { formatValue } from '$lib/format';

/** How to write a value of an indicator, from its unit text in the warehouse. */
export type UnitKind = 'percent' | 'per_100' | 'number';

export function unitKind(unit: string | null | undefined): UnitKind {
  const u = (unit ?? '').toLowerCase();
  if (u.startsWith('%')) return 'percent';
  if (u.startsWith('per 100')) return 'per_100';
  return 'number';
}

/** "Individuals using the Internet (% of population)" -> "Individuals using the Internet". */
export function shortIndicatorName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '');
}

/** A value in the indicator's unit: "35.7%", "112.4 per 100", "1,234,567". */
export function formatIndicatorValue(value: number | null | undefined, unit: string | null | undefined): string {
  const kind = unitKind(unit);
  return kind === 'number' ? formatValue(value, 'number') : formatValue(value, kind, 1);
}
