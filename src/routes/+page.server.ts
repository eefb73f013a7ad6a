import { error } from '@sveltejs/kit';
import { sparklineSpec } from '$lib/plot/line';
import { plotOnce } from '$lib/server/chart-store';
import { trendChart, TREND_INDICATORS } from '$lib/server/chart-data/targets';
import { parseYear } from '$lib/horizons';
import { targetSeries } from '$lib/server/queries/series-status';
import { targetIndicators } from '$lib/server/queries/targets';
import { changesSince, participation2008, reviewYears, scorecard, stocktakingByActionLine, stocktakingTotals } from '$lib/server/queries/overview';
import { horizonParam } from '$lib/server/page-params';
import type { PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { getLocale } from '$lib/i18n/locale';
import { perBuildHtml, perBuildRender } from '$lib/server/page-splice';
import Scorecard from '$lib/components/Scorecard.svelte';
import ReviewTable from '$lib/components/ReviewTable.svelte';
import { changedVerdictsTableHtml } from '$lib/review-table';

export const load: PageServerLoad = async ({ url }) => {
  const horizon = horizonParam(url);

  const years = await reviewYears(horizon);
  const rawReview = url.searchParams.get('review');
  let reviewYear = years.latest - 1;
  if (rawReview !== null && rawReview !== '') {
    reviewYear = parseYear(rawReview) ?? NaN;
    if (!(reviewYear >= years.first && reviewYear < years.latest)) {
      error(400, m.err_review_year({ value: rawReview.slice(0, 32), first: years.first, last: years.latest - 1 }));
    }
  }

  const [trends, review, stocktaking, totals, participation] = await Promise.all([
    Promise.all(TREND_INDICATORS.map((indicator) => trendChart(new URLSearchParams({ indicator })))),
    changesSince(reviewYear, horizon),
    stocktakingByActionLine(),
    stocktakingTotals(),
    participation2008()
  ]);
  // The scorecard depends on the horizon only: rendered once per build, language and horizon,
  // so every review year's overview splices the same bytes in.
  const scorecardHtml = await perBuildRender('overview-scorecard', `${getLocale()}|${horizon}`, Scorecard, async () => {
    const [cards, other, listed] = await Promise.all([scorecard(horizon), targetSeries(null, horizon), targetIndicators()]);
    // What would measure a target with no source: its indicators as the framework lists them.
    const gapIndicators: Record<string, string[]> = {};
    for (const i of listed) (gapIndicators[String(i.target)] ??= []).push(`${i.id} ${i.name}`);
    return {
      horizon,
      scorecard: cards.map((t) => ({
        ...t,
        indicators: t.indicators.map((i) => ({
          ...i,
          sparkline: i.trend.length > 1 ? plotOnce('sparkline', sparklineSpec, [i.trend, { goal: i.goalValue }]) : null,
          trendFrom: i.trend[0] ?? null
        }))
      })),
      gapIndicators,
      otherSeries: Object.fromEntries([...other].map(([t, list]) => [String(t), list]))
    };
  });
  // The changed verdicts' table (600 rows for review=2012) as HTML, once per build, language and
  // years, encoded and compressed once for the responses that splice it in (page-splice.ts).
  const reviewChangedHtml = await perBuildHtml('overview-review-changed', `${getLocale()}|${horizon}|${reviewYear}`, () =>
    changedVerdictsTableHtml(review.countries.changed, review.reviewYear, review.latestYear)
  );

  // The world and regional review table likewise, once per build, language and years.
  const reviewHtml = await perBuildRender('overview-review', `${getLocale()}|${horizon}|${reviewYear}`, ReviewTable, () => ({ review }));

  return {
    horizon,
    reviewYear,
    reviewChoices: Array.from({ length: years.latest - years.first }, (_, i) => years.latest - 1 - i),
    scorecardHtml,
    trends: trends.filter((c) => c !== null),
    review,
    reviewChangedHtml,
    reviewHtml,
    stocktaking,
    totals,
    participation
  };
};
