import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';

const ROUTES = 'src/routes/api/v1';

/** Route folders with a +server.ts, as OpenAPI paths ([id] -> {id}). */
function endpoints(dir = ROUTES, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (!statSync(full).isDirectory()) continue;
    const path = `${prefix}/${name.replace(/^\[(.+)\]$/, '{$1}')}`;
    if (readdirSync(full).includes('+server.ts')) out.push(path);
    out.push(...endpoints(full, path));
  }
  return out;
}

function refs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, found));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') found.push(v);
      else refs(v, found);
    }
  }
  return found;
}

describe('OpenAPI document', () => {
  const doc = openApiDocument('http://example.org/api/v1');

  it('is OpenAPI 3.1 with info and a server', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(doc.servers).toEqual([{ url: 'http://example.org/api/v1' }]);
  });

  it('has a path for every endpoint under src/routes/api/v1 and no other', () => {
    expect(Object.keys(doc.paths).sort()).toEqual(['/', ...endpoints()].sort());
    expect(readdirSync(ROUTES)).toContain('+server.ts');
  });

  it('every operation has an id, a 200 response, and path parameters that appear in the path', () => {
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths) as [string, { get: { operationId: string; responses: object; parameters?: { name: string; in: string; required: boolean }[] } }][]) {
      expect(ids.has(item.get.operationId)).toBe(false);
      ids.add(item.get.operationId);
      expect(Object.keys(item.get.responses)).toContain('200');
      for (const p of item.get.parameters ?? []) {
        expect(['query', 'path']).toContain(p.in);
        if (p.in === 'path') {
          expect(path).toContain(`{${p.name}}`);
          expect(p.required).toBe(true);
        }
      }
    }
  });

  it('every $ref resolves to a component schema', () => {
    for (const r of refs(doc)) {
      const name = r.replace('#/components/schemas/', '');
      expect(doc.components.schemas, r).toHaveProperty(name);
    }
  });

  it('states the default (1000) and maximum (10000) limit on every paged list', () => {
    for (const path of ['/indicators', '/observations', '/action-lines', '/stocktaking', '/participation'] as const) {
      const limit = (doc.paths[path].get.parameters as { name: string; schema: object }[]).find((p) => p.name === 'limit');
      expect(limit?.schema, path).toMatchObject({ default: 1000, maximum: 10000, minimum: 1 });
    }
    expect(doc.info.description).toContain('at most 10000');
  });
});
