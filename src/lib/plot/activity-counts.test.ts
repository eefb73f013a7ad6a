import { describe, expect, it } from 'vitest';
import { activitiesSummary, countActivities, lowerFirst } from './activity-counts';

const io = { stakeholder_type: 'international_organisation', stakeholder_name: 'International organisations' };
const other = { stakeholder_type: 'other', stakeholder_name: 'Other' };
const cs = { stakeholder_type: 'civil_society', stakeholder_name: 'Civil society (NGOs)' };

describe('countActivities', () => {
  it('counts by type and start year, years ascending and "not stated" last', () => {
    const counts = countActivities([
      { ...io, start_year: null },
      { ...io, start_year: 2006 },
      { ...io, start_year: null },
      { ...other, start_year: 2006 },
      { stakeholder_type: null, stakeholder_name: null, start_year: 2008 }
    ]);
    expect(counts).toEqual([
      { stakeholder_type: 'international_organisation', stakeholder: 'International organisations', start_year: '2006', entries: 1 },
      { stakeholder_type: 'international_organisation', stakeholder: 'International organisations', start_year: 'not stated', entries: 2 },
      { stakeholder_type: 'other', stakeholder: 'Other', start_year: '2006', entries: 1 },
      { stakeholder_type: 'unknown', stakeholder: 'unknown', start_year: '2008', entries: 1 }
    ]);
  });

  it('keeps a type derived by a rule apart from the same type stated', () => {
    const gov = { stakeholder_type: 'government', stakeholder_name: 'Governments', start_year: null };
    const derived = { stakeholder_type: 'government', stakeholder_name: 'Governments (derived)', start_year: null };
    expect(countActivities([derived, gov, derived]).map((c) => [c.stakeholder, c.entries])).toEqual([
      ['Governments', 1],
      ['Governments (derived)', 2]
    ]);
  });
});

describe('activitiesSummary', () => {
  it('names the leader among stated or derived types, and counts the entries that state none', () => {
    const ns = { stakeholder_type: 'not_stated', stakeholder_name: 'Not stated', start_year: null };
    const counts = countActivities([ns, ns, ns, { ...io, start_year: null }, { ...cs, start_year: null }, { ...cs, start_year: null }]);
    expect(activitiesSummary('C9', counts, null)).toBe(
      'Civil society (NGOs) registered the most activities against C9 (2 of 6); none states a start year; 3 state no stakeholder type.'
    );
    expect(activitiesSummary('C9', countActivities([ns]), null)).toBe('No activity against C9 states its stakeholder type (1); none states a start year; 1 states no stakeholder type.');
  });

  it('names the leading type with its share of the total (C2: 6 of 8)', () => {
    const counts = countActivities([
      ...Array.from({ length: 6 }, () => ({ ...io, start_year: null })),
      { stakeholder_type: 'academia', stakeholder_name: 'Academia', start_year: null },
      { ...other, start_year: null }
    ]);
    expect(activitiesSummary('C2', counts, null)).toBe(
      'International organisations registered the most activities against C2 (6 of 8); none states a start year.'
    );
  });

  it('says when types tie, when one type has them all, and when there are none', () => {
    const tie = countActivities([{ ...io, start_year: 2006 }, { ...other, start_year: 2006 }]);
    expect(activitiesSummary('C7-e-business', tie, null)).toBe(
      'International organisations and other registered the most activities against C7-e-business (1 each of 2); 2 of 2 state a start year.'
    );
    const three = countActivities([{ ...cs, start_year: 2006 }, { ...io, start_year: 2006 }, { ...other, start_year: 2006 }]);
    expect(activitiesSummary('C7-e-employment', three, null)).toBe(
      'Civil society (NGOs), international organisations and other registered the most activities against C7-e-employment (1 each of 3); 3 of 3 state a start year.'
    );
    expect(activitiesSummary('C7-e-government', countActivities([{ ...io, start_year: null }]), null)).toBe(
      'International organisations registered the one activity against C7-e-government; none states a start year.'
    );
    expect(activitiesSummary('C9', [], null)).toBe('No stocktaking activity is registered against C9.');
    expect(activitiesSummary('C9', [], 'Academia')).toBe('No stocktaking activity by academia is registered against C9.');
  });

  it('describes a filtered view by its type', () => {
    expect(activitiesSummary('C7-e-employment', countActivities([{ ...cs, start_year: 2006 }]), 'Civil society (NGOs)')).toBe(
      '1 activity by civil society (NGOs) is registered against C7-e-employment; 1 of 1 states a start year.'
    );
  });
});

describe('lowerFirst', () => {
  it('lowers only the first letter', () => {
    expect(lowerFirst('Civil society (NGOs)')).toBe('civil society (NGOs)');
  });
});
