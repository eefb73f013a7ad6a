import { describe, expect, it } from 'vitest';
import * as devalue from 'devalue';
import { isNodePayload, unhydratedPageData } from './page-data-stub';

describe('unhydratedPageData', () => {
  it("answers SvelteKit's node payload, so devalue never walks the load data", () => {
    const data = { country: { code: 'KEN', name: 'Kenya' }, rows: [{ year: 2024, value: 35.0 }] };
    const walked: unknown[] = [];
    const replacer = (value: unknown) => {
      walked.push(value);
      const encoded = unhydratedPageData.encode(value);
      return encoded ? `app.decode('unhydratedPageData', ${encoded})` : undefined;
    };
    // The shape render_page hands devalue.uneval for each route node (data_serializer.js).
    const out = devalue.uneval({ type: 'data', data, uses: {} }, replacer);
    expect(out).toBe("app.decode('unhydratedPageData', 1)");
    expect(walked).toHaveLength(1);
  });

  it('leaves every other value to devalue, including a payload-like object with more keys', () => {
    expect(isNodePayload({ type: 'data', data: {}, uses: {}, slash: 'always' })).toBe(true);
    expect(isNodePayload({ type: 'data', data: {}, uses: {}, extra: 1 })).toBe(false);
    expect(isNodePayload({ type: 'data', data: {} })).toBe(false);
    expect(isNodePayload({ type: 'error', data: {}, uses: {} })).toBe(false);
    expect(isNodePayload(new Map([['type', 'data']]))).toBe(false);
    expect(isNodePayload(null)).toBe(false);
    expect(unhydratedPageData.encode({ code: 'KEN' })).toBe(false);
  });
});
