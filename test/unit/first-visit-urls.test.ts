// The bench's first-visit URLs (bench/first-visit.ts): filter variants spread over the linked pages by rule.
import { describe, expect, it } from 'vitest';
import { inLanguage, spreadVariants } from '../../bench/first-visit';

describe('first-visit URLs', () => {
  const countries = Array.from({ length: 30 }, (_, i) => `/countries/C${String(i).padStart(2, '0')}`);
  const linked = ['/targets/1', '/targets/10', '/regions/WLD', '/regions/SSF', '/action-lines/C1', '/action-lines/C2', '/action-lines/C3', ...countries];

  it('puts every target and region at the other horizon, every tenth country, each action line with a type in turn, the stakeholder page with each', () => {
    const v = spreadVariants(linked, ['academia', 'civil_society']);
    expect(v.filter((u) => u.startsWith('/targets/'))).toEqual(['/targets/1?horizon=2012', '/targets/10?horizon=2012']);
    expect(v.filter((u) => u.startsWith('/regions/'))).toEqual(['/regions/WLD?horizon=2012', '/regions/SSF?horizon=2012']);
    expect(v.filter((u) => u.startsWith('/countries/'))).toEqual(['/countries/C05?horizon=2012', '/countries/C15?horizon=2012', '/countries/C25?horizon=2012']);
    expect(v.filter((u) => u.startsWith('/action-lines/'))).toEqual([
      '/action-lines/C1?stakeholder_type=academia',
      '/action-lines/C2?stakeholder_type=civil_society',
      '/action-lines/C3?stakeholder_type=academia'
    ]);
    expect(v.filter((u) => u.startsWith('/stakeholders'))).toEqual(['/stakeholders?stakeholder_type=academia', '/stakeholders?stakeholder_type=civil_society']);
  });

  it('takes plain paths only (a variant of a variant would be a broken URL)', () => {
    expect(() => spreadVariants(['/targets/10?year=2010'], [])).toThrow(/plain paths/);
  });

  it('leaves out the action-line variants when the warehouse names no stakeholder type', () => {
    expect(spreadVariants(linked, []).some((u) => u.includes('stakeholder_type'))).toBe(false);
  });

  it('writes a path in another language as the site does', () => {
    expect(inLanguage('/', 'fr')).toBe('/fr');
    expect(inLanguage('/?horizon=2012', 'es')).toBe('/es?horizon=2012');
    expect(inLanguage('/targets/10?horizon=2012', 'fr')).toBe('/fr/targets/10?horizon=2012');
  });
});
