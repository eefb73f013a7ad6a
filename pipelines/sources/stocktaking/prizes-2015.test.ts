import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedMirror } from '../../lib/paths';
import { actionLineOfLabel } from './action-line-labels';
import { convertPrizes2015, PRIZES_2015_FILE } from './prizes-2015';
import { deriveStakeholderType } from './stakeholder-rules';

describe('actionLineOfLabel', () => {
  it.each([
    ['C7. ICT APPLICATIONS: E-GOVERNMENT', 'C7-e-government'],
    ['C7. ICT APPLICATIONS: E-AGRICULTURE', 'C7-e-agriculture'],
    ['C11. INTERNATIONAL AND REGIONAL COOPERATION', 'C11'],
    ['C1. THE ROLE OF GOVERNMENTS AND ALL STAKEHOLDERS IN THE PROMOTION OF ICTS FOR DEVELOPMENT', 'C1'],
    ['C12. SOMETHING', null],
    ['ICT APPLICATIONS', null]
  ])('maps the printed label %s to %s', (label, id) => {
    expect(actionLineOfLabel(label)).toBe(id);
  });
});

describe('deriveStakeholderType', () => {
  it('derives by the first matching rule and names it', () => {
    expect(deriveStakeholderType('Ministry for Information Society and Telecommunications')).toEqual({ type: 'government', rule: 'ministry' });
    expect(deriveStakeholderType('ECLAC')).toEqual({ type: 'international_organisation', rule: 'un-or-intergovernmental' });
    expect(deriveStakeholderType('Universidad Autónoma de Chihuahua')).toEqual({ type: 'academia', rule: 'university' });
    expect(deriveStakeholderType('Telefónica S.A.')).toEqual({ type: 'private_sector', rule: 'company-suffix' });
    expect(deriveStakeholderType('DiploFoundation')).toEqual({ type: 'not_stated', rule: null });
    // "Commission" alone decides nothing: it can be national or international.
    expect(deriveStakeholderType('African Union Commission')).toEqual({ type: 'international_organisation', rule: 'un-or-intergovernmental' });
    expect(deriveStakeholderType('Malaysian Communications and Multimedia Commission')).toEqual({ type: 'not_stated', rule: null });
  });
});

describe('convertPrizes2015 on the real list', () => {
  const text = readFileSync(join(sharedMirror, PRIZES_2015_FILE), 'latin1');
  const names: Record<string, string> = { CHILE: 'CHL', EGYPT: 'EGY', CROATIA: 'HRV', 'MONTENEGRO (REPUBLIC OF)': 'MNE', POLAND: 'POL' };
  const converted = convertPrizes2015(text, (n) => names[n] ?? null);

  it('converts a row to the template, with repairs, mapping and rule recorded', () => {
    const row299 = converted.records.find((r) => r.row === 299)!.record;
    expect(row299).toEqual({
      id: 'WSIS-PRIZES-2015-299',
      title: 'SUPPORT TO ROMA PEOPLE',
      lead_organisation: 'Public library “Fran Galović” in Koprivnica',
      stakeholder_type: 'not_stated',
      stakeholder_type_rule: '',
      countries: 'HRV',
      action_lines: 'C10',
      status: 'unknown',
      reported_year: '2015',
      source: expect.stringContaining('WSIS Prizes 2015 nominated projects'),
      conversion_note:
        'encoding repaired (UTF-8 read as Windows-1252, saved as Mac Roman): Organisation: 3 character(s) restored; country "CROATIA" -> HRV'
    });
    const row5 = converted.records.find((r) => r.row === 5)!.record;
    expect([row5.lead_organisation, row5.stakeholder_type, row5.stakeholder_type_rule, row5.countries]).toEqual([
      'Ministry for Information Society and Telecommunications', 'government', 'ministry', 'MNE'
    ]);
  });

  it('refuses a row whose country cannot be mapped, naming line and value', () => {
    const refused = converted.refused.find((r) => r.row_number === 238)!;
    expect(refused.reason).toBe('country name not recognised: "Ltd., THAILAND"');
  });

  it('keeps "INTERNATIONAL" as no single country, noted', () => {
    const international = converted.records.filter((r) => r.record.conversion_note && String(r.record.conversion_note).includes('"INTERNATIONAL"'));
    expect(international).toHaveLength(9);
    expect(international.every((r) => r.record.countries === '')).toBe(true);
  });

  it('accounts for all 302 rows', () => {
    expect(converted.records.length + converted.refused.length).toBe(302);
    expect(converted.repairedRows).toBe(36);
  });
});
