import { describe, expect, it } from 'vitest';
import { securityHeaders, withSecurityHeaders } from './security-headers';

describe('securityHeaders', () => {
  it('forbids scripts and framing on pages', () => {
    const h = securityHeaders('/targets/10');
    expect(h['content-security-policy']).toContain("script-src 'none'");
    expect(h['content-security-policy']).toContain("default-src 'none'");
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['x-frame-options']).toBe('DENY');
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  it('lets the embed view be framed (by path prefix) and still forbids scripts there', () => {
    for (const path of ['/embed', '/embed/targets/10']) {
      const h = securityHeaders(path);
      expect(h['content-security-policy']).not.toContain('frame-ancestors');
      expect(h['content-security-policy']).toContain("script-src 'none'");
      expect(h['x-frame-options']).toBeUndefined();
    }
    expect(securityHeaders('/embedded')['x-frame-options']).toBe('DENY');
  });

  it('sets them on a response whose headers are immutable', () => {
    const r = withSecurityHeaders(Response.redirect('http://x/targets/1', 301), '/targets/01');
    expect(r.status).toBe(301);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
