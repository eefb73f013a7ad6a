// How to credit each published table: the data it carries comes from different publishers
// under different terms, so the suggested citation names them per table.
const WDI = 'World Bank, World Development Indicators (CC BY 4.0); ICT series produced by ITU (World Telecommunication/ICT Indicators Database)';
const ITU_DATA = "ITU World Telecommunication/ICT Indicators database and key ICT indicators (ITU: free of charge with ITU cited as source)";
/** The observation tables carry every publisher's series (indicator.source_organisation and observation_batch name each one's). */
const OBSERVATIONS =
  WDI +
  `; ${ITU_DATA}` +
  '; UN Statistics Division, SDG Global Database (series of ITU and UNESCO UIS; UN terms, via the open-numbers DDF copy, CC BY 4.0); UNESCO UIS.Stat; UN DESA, United Nations E-Government Survey (free with attribution); Global Data Lab, Area Database (free with citation); Common Crawl crawl statistics (Common Crawl terms of use)';
const GROUPS = 'World Bank country metadata (CC BY 4.0); UNSD M49 Standard Country or Area Codes (UN terms of use)';
const REFERENCE =
  'WSIS Geneva Plan of Action and Tunis Agenda; ITU, UN DESA, UNESCO and WMO accounts of action-line facilitation; Partnership on Measuring ICT for Development, "Measuring the WSIS targets" (2011) and "Final WSIS Targets Review" (2014); UN MDG indicator list; ITU WSIS-SDG Matrix; compiled by this project (CC BY 4.0), source cited per row';
const MEETINGS = 'WSIS meeting reports and ITU/UN pages, transcribed by this project (CC BY 4.0), source cited per row';
const STOCKTAKING = 'ITU WSIS stocktaking database and reports, transcribed by this project (CC BY 4.0), source cited per row';
const PIPELINE = 'WSIS progress monitor pipeline records (CC BY 4.0)';

const CREDITS: Record<string, string> = {
  indicator: OBSERVATIONS,
  indicator_alias: WDI,
  observation_batch: OBSERVATIONS,
  observation_all: OBSERVATIONS,
  observation: OBSERVATIONS,
  observation_note: ITU_DATA,
  economy: `${GROUPS}; ITU aggregates (ITU key ICT indicators)`,
  economy_group: GROUPS,
  action_line: REFERENCE,
  wsis_target: REFERENCE,
  target_indicator: REFERENCE,
  target_indicator_series: REFERENCE,
  facilitation: REFERENCE,
  mdg_goal: REFERENCE,
  mdg_target: REFERENCE,
  mdg_indicator: REFERENCE,
  action_line_link: REFERENCE,
  stakeholder_type: REFERENCE,
  event: MEETINGS,
  participation: MEETINGS,
  data_quality_flag: MEETINGS,
  stocktaking_entry: STOCKTAKING,
  stocktaking_action_line: STOCKTAKING,
  stocktaking_total: STOCKTAKING,
  vintage_difference: OBSERVATIONS,
  stocktaking_warning: STOCKTAKING,
  quarantine: PIPELINE,
  run_record: PIPELINE
};

export function dataCredit(table: string): string {
  const credit = CREDITS[table];
  if (!credit) throw new Error(`no credit for table: ${table}`);
  return credit;
}

export function citation(o: { runId: string; builtAt: string; table: string; url: string }): string {
  return `WSIS progress monitor (build ${o.runId}, ${o.builtAt.slice(0, 10)}), table ${o.table}. Data: ${dataCredit(o.table)}. ${o.url}`;
}
