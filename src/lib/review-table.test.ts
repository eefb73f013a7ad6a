import { describe, expect, it } from 'vitest';
import { changedVerdictsTableHtml, statusPillHtml } from './review-table';
import { overwriteGetLocale } from '$lib/paraglide/runtime.js';

// Albania's 2G coverage on the overview with review=2012 (mirror, 2015 target): met in 2008.
const albania = {
  indicator: 'IT_MOB_2GNTWK',
  indicatorName: 'Proportion of population covered by at least a 2G mobile network (%)',
  economy: 'ALB',
  economyName: 'Albania',
  from: 'met',
  to: 'met_on_time',
  before: { status: 'met' as const, horizon: 2015, asOf: 2012, firstYearMet: 2008, projectedYearReached: null },
  after: { status: 'met_on_time' as const, horizon: 2015, asOf: 2025, firstYearMet: 2008, projectedYearReached: null }
};

describe('changed verdicts table', () => {
  it('writes a pill as StatusPill.svelte does: words with their year, the context in the title', () => {
    overwriteGetLocale(() => 'en');
    expect(statusPillHtml('met_on_time', albania.after)).toBe(
      '<span class="status met_on_time" title="The target was first reached in or before the target year. Verdict for the 2015 target, as of 2025." ' +
        'data-status="met_on_time" data-horizon="2015" data-as-of="2025">Met on time (2008)</span>'
    );
    // No as-of year: no data-as-of attribute (Svelte leaves an undefined attribute out).
    expect(statusPillHtml('insufficient_data', { ...albania.before, status: 'insufficient_data', asOf: null })).not.toContain('data-as-of');
  });

  it('has a row per changed verdict with the country linked, in the request language', () => {
    overwriteGetLocale(() => 'en');
    const html = changedVerdictsTableHtml([albania, { ...albania, economy: 'A&B', economyName: 'A & "B" <C>' }], 2012, 2025);
    expect(html.startsWith('<table tabindex="0" class="data review-countries"><caption class="visually-hidden">')).toBe(true);
    expect(html).toContain('<th scope="col">As of 2012</th><th scope="col">As of 2025</th>');
    expect(html).toContain('<tr data-economy="ALB" data-indicator="IT_MOB_2GNTWK"><td>Proportion of population covered by at least a 2G mobile network (%)</td><td><a href="/countries/ALB">Albania</a></td>');
    expect(html).toContain('<a href="/countries/A&amp;B">A &amp; "B" &lt;C></a>');
    expect(html.match(/<tr data-economy=/g)).toHaveLength(2);
    overwriteGetLocale(() => 'fr');
    expect(changedVerdictsTableHtml([albania], 2012, 2025)).toContain('>Atteinte à temps (2008)</span>');
  });
});
