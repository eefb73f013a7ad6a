// The indicator catalog's headline lists: which series an economy page leads with, and in what
// order, is data (data/indicators.csv, column headline_order), so a change to it is a change here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../lib/paths';
import { headlineList, INDICATORS_FILE, parseIndicators } from './catalog';

const text = readFileSync(join(projectRoot, INDICATORS_FILE), 'utf8');

function headline(list: 'ITU' | 'World Bank'): string[] {
  return parseIndicators(INDICATORS_FILE, text)
    .filter((i) => i.headline_order !== null && headlineList(i.code) === list)
    .sort((a, b) => a.headline_order! - b.headline_order!)
    .map((i) => i.code);
}

describe('headline_order in data/indicators.csv', () => {
  it('ranks the World Bank ICT series of WSIS target 10 / MDG 8.F for country and World Bank aggregate pages', () => {
    expect(headline('World Bank')).toEqual(['IT.NET.USER.ZS', 'IT.CEL.SETS.P2', 'IT.NET.BBND.P2', 'IT.MLT.MAIN.P2']);
  });

  it("ranks ITU's key ICT rates for ITU aggregate pages", () => {
    expect(headline('ITU')).toEqual(['ITU_INET', 'ITU_MOB_P100', 'ITU_FBB_P100', 'ITU_FTEL_P100', 'ITU_MBB_P100', 'ITU_HH6', 'ITU_HH4', 'ITU_COV_MOB']);
  });

  it('refuses a rank taken twice in one list, and one that is not a rank', () => {
    const twice = text.replace(/^(IT\.CEL\.SETS\.P2,.*),2$/m, '$1,1');
    expect(twice).not.toBe(text);
    expect(() => parseIndicators(INDICATORS_FILE, twice)).toThrow('headline_order 1 is taken twice in the World Bank list (IT.NET.USER.ZS and IT.CEL.SETS.P2)');
    const notRank = text.replace(/^(ITU_INET,.*),1$/m, '$1,first');
    expect(() => parseIndicators(INDICATORS_FILE, notRank)).toThrow('headline_order "first" is not a rank (1, 2, ...) or empty');
  });
});
