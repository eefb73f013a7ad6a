// Pages ship no JavaScript (csr = false in src/routes/+layout.ts), yet SvelteKit 2 still serialises
// every server load's data with devalue on each render, to embed it for hydration, and then drops
// the string because csr is off. That walk of the whole data tree (every chart, table row and
// string) cost several milliseconds a first visit. devalue asks the `transport` encoders
// (src/hooks.ts) about every value before walking it, the root first: the root of each route
// node's serialisation is SvelteKit's payload { type: 'data', data, uses }, and answering it with
// a stub means the tree is never walked. The page still renders from the data itself, unchanged.
// If a page ever hydrates (csr = true), this must go: its client would get no data.

const PAYLOAD_KEYS = new Set(['type', 'data', 'uses', 'slash']);

/** SvelteKit's per-node payload in the HTML render: a plain object { type: 'data', data, uses[, slash] }. */
export function isNodePayload(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return false;
  const v = value as Record<string, unknown>;
  if (v.type !== 'data' || !('data' in v) || !('uses' in v)) return false;
  for (const key in v) if (!PAYLOAD_KEYS.has(key)) return false;
  return true;
}

/** The transport entry: the payload is encoded as 1 (nothing reads it), anything else is left to devalue. */
export const unhydratedPageData = {
  encode: (value: unknown) => (isNodePayload(value) ? 1 : false),
  decode: () => null
};
