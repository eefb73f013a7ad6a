// The warehouse schema: the contract between the pipelines (which write it) and the
// dashboard server (which reads it). Table names and columns here are the public names
// used by the API, the exports and the data package; change them only on purpose.

export type ColumnType = 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'BOOLEAN' | 'DATE' | 'TIMESTAMP';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType; // DuckDB type
  readonly description: string;
  readonly unit?: string;
}

export interface TableSpec {
  readonly name: string;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
  readonly primaryKey?: readonly string[];
  /** Published tables are exported (CSV, Parquet, JSON) and listed on the Data page. */
  readonly published: boolean;
  /** Set for a view: its SELECT (columns in the order of `columns`); created after every table. */
  readonly view?: string;
}

/** A column of one DuckDB type: varchar('code', 'Indicator code'). The name stays a literal type, for RowOf. */
function columnOf<T extends ColumnType>(type: T) {
  return <const N extends string>(name: N, description: string) => ({ name, type, description });
}
const varchar = columnOf('VARCHAR');
const integer = columnOf('INTEGER');
const double = columnOf('DOUBLE');
const boolean = columnOf('BOOLEAN');
const date = columnOf('DATE');
const timestamp = columnOf('TIMESTAMP');

const source = varchar('source', 'Citation of where the row comes from (file, seed or publication)');
/** How far an MDG row was checked against the official list, in the words target_indicator uses. */
const MDG_VERIFIED = [
  varchar('verified', "yes (wording and numbering found in the official list, a copy of it, or a UN or World Bank page quoting it), partly (part checked: the wording but not the numbering or the list's own wording, or a base year the target does not state), no (as recalled, not checked)"),
  varchar('verification_note', 'What was checked, against which document (with its address), and what was searched for and not found')
] as const;

/**
 * The disaggregation of an observation (part of its key): '' for the total, else
 * `key=value` pairs joined by ';', keys in alphabetical order, lower case, e.g.
 * 'sex=female', 'location=urban', 'education_level=primary', 'age=15-24;sex=female'.
 * pipelines/observations/disaggregation.ts encodes it; the publish step refuses other text,
 * the API refuses it as a filter.
 */
const DISAGGREGATION_PAIR = '[a-z][a-z0-9_]*=[a-z0-9][a-z0-9_.+-]*';
/** The encoding as a regular expression (match the whole text; '' matches). */
export const DISAGGREGATION_PATTERN = `(${DISAGGREGATION_PAIR}(;${DISAGGREGATION_PAIR})*)?`;

/** Columns several tables share, said once. */
const economy = varchar('economy', 'Economy code');
const year = integer('year', 'Year');
const indicator = varchar('indicator', 'Indicator code');
const id = varchar('id', 'Identifier');
const actionLine = varchar('action_line', 'Action line id');
const value = double('value', 'Value in the indicator unit');

const disaggregation = varchar('disaggregation', "Breakdown of the value: '' for the total, else key=value pairs joined by ';' in key order (e.g. sex=female, location=urban, education_level=primary)");

/** observation_value with each value's batch (the views over it). */
const VALUES_WITH_BATCH = 'FROM observation_value v JOIN observation_batch b USING (batch_no)';

const OBSERVATION_ALL_COLUMNS = [
  varchar('batch_id', 'Batch (file and vintage)'),
  indicator,
  economy,
  year,
  disaggregation,
  value,
  date('vintage', 'Vintage of the batch')
] as const;

const DATA_TABLES = [
  {
    name: 'indicator',
    description: 'Indicators of every publisher (World Bank WDI, ITU, UN SDG database, UN DESA, Global Data Lab, Common Crawl; ICT, population and MDG series) and the WSIS/MDG indicators and action lines each serves',
    published: true,
    primaryKey: ['code'],
    columns: [
      varchar('code', "Publisher's own code: World Bank (IT.NET.USER.ZS), UN SDG series (IT_MOB_2GNTWK), or <PUBLISHER>_<CODE> (ITU_HH6, EGOV_EGDI, GDL_TV, CC_LANG_SHARE)"),
      varchar('name', 'Indicator name'),
      varchar('unit', 'Unit of measure'),
      varchar('topic', 'ict (WSIS series), population (weights and context) or mdg (Millennium Development Goal series)'),
      varchar('wsis_targets', 'WSIS targets served (semicolon-separated target numbers 1-10)'),
      varchar('mdg_indicator', 'MDG indicator served (e.g. 8.16), if any'),
      boolean('higher_is_better', 'Direction of progress'),
      double('upper_bound', 'Natural upper bound of the value (100 for percentages of population), if any'),
      double('plausible_max', 'For an indicator without a natural bound, the largest value accepted as plausible; larger values are quarantined'),
      varchar('range_basis', 'Where the accepted range (0 to upper_bound or plausible_max) comes from: the unit, or the limit and the evidence for it'),
      varchar('source_organisation', 'Producer of the series'),
      source,
      varchar('sdg_indicator', 'UN SDG indicator the series belongs to (e.g. 9.c.1), if any: action-line pages find it through the WSIS-SDG matrix (action line -> SDG target)'),
      varchar('wsis_indicators', 'WSIS target indicators served (semicolon-separated ids of target_indicator, e.g. 10.3;1.3)'),
      varchar('action_lines', "WSIS action lines the series serves by this project's own cited reading (semicolon-separated ids, e.g. C2;C7-e-government), besides the matrix links"),
      varchar('measure', "direct (measures what the WSIS target indicator asks) or proxy (a stated stand-in; measure_note says for what); empty where not assessed"),
      varchar('measure_note', 'What a proxy stands for and how it differs from the target indicator (per indicator where it serves several)'),
      varchar('licence', "Terms of the publisher's data, as the publisher or the copy states them"),
      varchar('headline_disaggregation', "The breakdown pages show when one value must stand for the series: '' (the total) unless the publisher gives no total (4.a.1 by education level: education_level=primary)"),
      integer('headline_order', "Rank among the headline indicators an economy page leads with, in its publisher's list: World Bank codes on country and World Bank aggregate pages, ITU's own (ITU_*) on ITU aggregate pages; empty for the others")
    ]
  },
  {
    name: 'indicator_alias',
    description: 'Old indicator codes mapped to current ones (e.g. IT.NET.USER.P2 -> IT.NET.USER.ZS)',
    published: true,
    primaryKey: ['old_code'],
    columns: [
      varchar('old_code', 'Code as found in older files'),
      varchar('code', 'Current indicator code'),
      varchar('note', 'Why the codes map'),
      source
    ]
  },
  {
    name: 'economy',
    description: 'Countries and the World Bank aggregates (WLD, regions, income groups, ...), kept apart by is_aggregate',
    published: true,
    primaryKey: ['code'],
    columns: [
      varchar('code', 'ISO 3166-1 alpha-3 code, World Bank aggregate code, or another publisher\'s aggregate as <PUBLISHER>_<CODE>'),
      varchar('name', 'Name'),
      boolean('is_aggregate', 'True for aggregates: World Bank (WLD, regions, income groups) and other publishers (<PUBLISHER>_<CODE>, e.g. ITU_AFR); never mixed with countries'),
      varchar('iso2', 'ISO alpha-2 code'),
      varchar('m49', 'UN M49 numeric code'),
      varchar('m49_name', "Name in UN M49 where it lists the country (matched by name besides the World Bank's name; kept here so a build that reuses M49's rows still matches the same names)"),
      varchar('wb_region', 'World Bank region (countries only)'),
      varchar('wb_income_group', 'World Bank income group (countries only)'),
      varchar('un_region', 'UN M49 region'),
      varchar('un_subregion', 'UN M49 sub-region'),
      boolean('ldc', 'Least developed country (UN M49)'),
      boolean('lldc', 'Land-locked developing country (UN M49)'),
      boolean('sids', 'Small island developing state (UN M49)'),
      boolean('developed', 'Developed (true) or developing (false) per UN M49, where given'),
      source
    ]
  },
  {
    name: 'economy_group',
    description: 'Membership of countries in groups: World Bank regions and income groups, UN M49 regions, LDC, LLDC, SIDS, developed/developing',
    published: true,
    primaryKey: ['classification', 'group_code', 'economy'],
    columns: [
      varchar('classification', 'wb_region, wb_income, m49_region, m49_subregion, ldc, lldc, sids, development'),
      varchar('group_code', 'Group code (the World Bank aggregate code where one exists, e.g. SSF, LIC)'),
      varchar('group_name', 'Group name'),
      varchar('economy', 'Member country code'),
      source
    ]
  },
  {
    name: 'observation_batch',
    description: 'One batch per indicator per input (file, sheet or API response): the publisher, vintage and provenance of its observations',
    published: true,
    primaryKey: ['batch_id'],
    columns: [
      varchar('batch_id', 'Batch identifier'),
      varchar('indicator', 'Indicator code (current code)'),
      varchar('original_code', 'Indicator code as found in the file'),
      date('vintage', "Publisher's release date (World Bank: Last Updated Date of the file or API lastupdated); null when the input has none"),
      varchar('publisher', 'Publisher of the values (World Bank, ITU, UN DESA, ...)'),
      varchar('layout', 'Input layout (World Bank: wb-bulk, wb-bulk-noheader, wb-excel, databank, wb-api)'),
      varchar('file', 'Input file (relative to the mirror) or API URL'),
      varchar('checksum', 'SHA-256 of the input bytes'),
      integer('rows_loaded', 'Observations loaded from this batch'),
      boolean('is_served', 'True if this batch serves at least one series (the newest vintage of its indicator for some economy and disaggregation)'),
      source,
      varchar('pipeline_source', 'Pipeline source that staged the batch (run_record.source); a batch reused from an earlier build keeps it'),
      integer('batch_no', 'Number of the batch in this build (observation_value.batch_no)')
    ]
  },
  {
    name: 'observation_value',
    description: 'Every accepted value, stored once (observation, observation_all and observation_unserved are views of it): its batch by number (observation_batch.batch_no), and whether it is served',
    published: false,
    // Key (batch_no, economy, year, disaggregation), checked by the publish step instead of
    // declared: DuckDB's key index cost more than the load itself (about 4 s a million values).
    columns: [
      integer('batch_no', 'Batch number (observation_batch.batch_no): indicator, vintage and provenance come from the batch'),
      economy,
      year,
      disaggregation,
      value,
      boolean('served', 'True if the value is served (its batch is the newest vintage holding its indicator, economy and disaggregation)')
    ]
  },
  {
    name: 'observation_all',
    description: 'Every observation of every vintage (non-missing values only)',
    published: true,
    primaryKey: ['batch_id', 'economy', 'year', 'disaggregation'],
    columns: OBSERVATION_ALL_COLUMNS,
    // Each value is stored once, in observation_value, with a small batch number instead of the
    // batch's texts: writing batch_id, indicator and vintage per value cost more than reading
    // the files (bench/README.md, "Ingest: one narrow table").
    view: `SELECT b.batch_id, b.indicator, v.economy, v.year, v.disaggregation, v.value, b.vintage
      ${VALUES_WITH_BATCH}`
  },
  {
    name: 'observation_unserved',
    description: 'Observations not served (older vintages of a series, or another batch serves it): with observation, every row of observation_all',
    published: false,
    primaryKey: ['batch_id', 'economy', 'year', 'disaggregation'],
    columns: OBSERVATION_ALL_COLUMNS,
    view: `SELECT b.batch_id, b.indicator, v.economy, v.year, v.disaggregation, v.value, b.vintage
      ${VALUES_WITH_BATCH} WHERE NOT v.served`
  },
  {
    name: 'observation',
    description: 'Observations served by default: for each indicator, economy and disaggregation, the series of the newest vintage that has it',
    published: true,
    primaryKey: ['indicator', 'economy', 'year', 'disaggregation'],
    columns: [
      indicator,
      economy,
      year,
      disaggregation,
      value,
      date('vintage', 'Vintage the value comes from'),
      varchar('batch_id', 'Batch the value comes from'),
      boolean('is_aggregate', 'True for aggregate rows (World Bank or other publisher aggregates)')
    ],
    view: `SELECT b.indicator, v.economy, v.year, v.disaggregation, v.value, b.vintage, b.batch_id, e.is_aggregate
      ${VALUES_WITH_BATCH} JOIN economy e ON e.code = v.economy WHERE v.served`
  },
  {
    name: 'vintage_difference',
    description: 'Values two vintages of one series publish differently (e.g. SDG 4.a.1 from the UN SDG database and from UIS.Stat): the served value beside the other, kept as published',
    published: true,
    primaryKey: ['indicator', 'economy', 'year', 'disaggregation', 'other_batch'],
    columns: [
      indicator,
      economy,
      year,
      disaggregation,
      varchar('served_batch', 'Batch whose value is served (the newest vintage of the series)'),
      date('served_vintage', 'Its vintage'),
      double('served_value', 'The served value'),
      varchar('other_batch', 'The other batch'),
      date('other_vintage', 'Its vintage'),
      double('other_value', 'The value it publishes'),
      double('difference', 'served_value - other_value')
    ]
  },
  {
    name: 'observation_note',
    description: "Publishers' notes on single observations: ITU's estimate marks (2019* in the key ICT file), the WTID per-year Notes and Source columns, the Core Household footnotes",
    published: true,
    columns: [
      varchar('batch_id', 'Batch of the observation (observation_batch.batch_id)'),
      varchar('indicator', 'Indicator code as staged'),
      economy,
      year,
      disaggregation,
      varchar('kind', "estimate (the publisher marks the value as an estimate), note (a definition or scope note) or source (the publisher's named data source)"),
      varchar('note', 'The text as published')
    ]
  },
  {
    name: 'action_line',
    description: 'The 11 WSIS action lines (Geneva Plan of Action) with the 8 C7 sub-lines, their facilitators and co-facilitators',
    published: true,
    primaryKey: ['id'],
    columns: [
      varchar('id', 'Identifier, e.g. C2 or C7-e-health'),
      varchar('parent', 'Parent action line (C7 for its sub-lines)'),
      varchar('title', 'Title as the Geneva Plan of Action (2003) heads the action line'),
      varchar('other_titles', 'Other wordings of the title in later documents, each with the document that uses it'),
      varchar('facilitators', 'Lead facilitator(s) in the latest period the sources state (see table facilitation), semicolon-separated'),
      varchar('co_facilitators', 'Co-facilitators in the latest period the sources state (see table facilitation), semicolon-separated'),
      integer('sort_order', 'Display order'),
      source
    ]
  },
  {
    name: 'wsis_target',
    description: 'The 10 WSIS targets (Geneva Plan of Action, paragraph 6)',
    published: true,
    primaryKey: ['target'],
    columns: [
      integer('target', 'Target number 1-10'),
      varchar('letter', 'Letter a-j in the Plan of Action'),
      varchar('text', 'Text of the target'),
      varchar('short_title', 'Short title for display'),
      source
    ]
  },
  {
    name: 'target_indicator',
    description: 'Indicators proposed for each WSIS target (Partnership on Measuring ICT for Development, 2011), with goal values for progress assessment',
    published: true,
    primaryKey: ['id'],
    columns: [
      varchar('id', 'Indicator id in the framework, e.g. 1.1'),
      integer('target', 'WSIS target number'),
      varchar('name', 'Indicator name'),
      varchar('unit', 'Unit'),
      double('goal_value', 'Goal value used for progress assessment, where one is set'),
      varchar('goal_basis', "target (the target's own words fix the value, e.g. 'all' = 100) or project (the project's reading of the target, e.g. 50 for 'more than half'); empty without a goal"),
      varchar('goal_reasoning', 'Why this goal value'),
      boolean('headline', "The indicator a target page shows first when it has data"),
      varchar('verified', 'yes (number and subject stated in the quoted document), partly (subject stated, number or wording not), no (not found in the documents consulted)'),
      varchar('verification_note', 'What exactly the citation supports and what it does not'),
      varchar('citation', 'The sentence(s) quoted from the document, verbatim'),
      source
    ]
  },
  {
    name: 'target_indicator_series',
    description: 'Series that measure each WSIS target indicator, from any publisher; a code not (yet) in the indicator catalog is kept and shown as not loaded',
    published: true,
    primaryKey: ['target_indicator', 'series_code'],
    columns: [
      varchar('target_indicator', 'Target indicator id, e.g. 10.5'),
      varchar('series_code', "Publisher's series code (World Bank IT.NET.USER.ZS, UN SDG IT_MOB_2GNTWK, ITU_HH6, EGOV_OSI, GDL_TV, ...)"),
      varchar('relation', 'direct (measures the indicator) or proxy (measures something close; the note says how it differs)'),
      integer('priority', '1 = the series pages assess the indicator with; higher = alternatives'),
      varchar('note', 'How the series relates to the indicator'),
      source
    ]
  },
  {
    name: 'facilitation',
    description: 'Who facilitated each action line, in which role and period, as each cited document states it',
    published: true,
    primaryKey: ['id'],
    columns: [
      varchar('id', 'Row identifier'),
      actionLine,
      varchar('organisation', 'Organisation as the document names it'),
      varchar('role', 'lead facilitator, facilitator, co-facilitator, partner, interim focal point or proposed'),
      integer('from_year', 'First year the statement refers to'),
      integer('to_year', 'Last year the statement refers to (empty: open, as of the document)'),
      varchar('statement', "The document's own words, quoted"),
      varchar('verified', 'yes (quoted from the document), partly (the document supports the role but not in these words or not for this exact line), no'),
      source
    ]
  },
  {
    name: 'mdg_goal',
    description: 'The eight Millennium Development Goals (official list of MDG indicators, effective 15 January 2008)',
    published: true,
    primaryKey: ['goal'],
    columns: [
      integer('goal', 'Goal number 1-8'),
      varchar('title', 'Title of the goal'),
      source,
      ...MDG_VERIFIED
    ]
  },
  {
    name: 'mdg_target',
    description: 'The 21 MDG targets of the 2008 official list, with the base year and horizon where the target has them',
    published: true,
    primaryKey: ['id'],
    columns: [
      varchar('id', 'Target id, e.g. 4.A'),
      integer('goal', 'MDG number 1-8'),
      varchar('text', 'Text of the target'),
      integer('base_year', 'Year progress is measured from (1990), where the target is measured against a baseline'),
      integer('horizon', 'Year the target is to be met by (2015 for most), if any'),
      source,
      ...MDG_VERIFIED
    ]
  },
  {
    name: 'mdg_indicator',
    description: 'MDG indicators used here (2008 official list numbering), their World Bank series and the numeric goal rule of their target',
    published: true,
    primaryKey: ['id'],
    columns: [
      varchar('id', 'MDG indicator id, e.g. 4.1 or 8.16'),
      varchar('target', 'MDG target, e.g. 4.A or 8.F'),
      varchar('name', 'Indicator name in the official list'),
      varchar('wb_code', 'Current World Bank code of the series used'),
      varchar('wb_match', 'same (the series is the indicator) or proxy (a near series: another poverty line, age range or coverage; see goal_reasoning)'),
      varchar('goal_rule', 'absolute (goal_value), parity (the parity band of the progress method), reduce (by goal_fraction of the base-year value), reduce_shortfall (reduce the distance to 100 by goal_fraction), or empty (no numeric goal)'),
      double('goal_value', 'Goal value for an absolute rule'),
      varchar('goal_fraction', 'Reduction for a relative rule, as a fraction (1/2, 2/3, 3/4)'),
      varchar('goal_reasoning', 'How the target text becomes the goal rule, and how the series differs from the indicator'),
      source,
      ...MDG_VERIFIED
    ]
  },
  {
    name: 'action_line_link',
    description: 'Links from action lines to WSIS targets, MDG indicators and goals, and SDG targets',
    published: true,
    primaryKey: ['action_line', 'link_type', 'link_id'],
    columns: [
      actionLine,
      varchar('link_type', 'wsis_target, mdg (MDG indicator), mdg_goal (MDG 1-8), sdg_goal or sdg_target'),
      varchar('link_id', 'Linked id (target number, MDG indicator id, MDG number, SDG number or SDG target id)'),
      varchar('rationale', 'Why they are linked, as given by the source'),
      source
    ]
  },
  {
    name: 'stakeholder_type',
    description: 'Stakeholder types used in participation and stocktaking',
    published: true,
    primaryKey: ['id'],
    columns: [
      id,
      varchar('name', 'Name'),
      varchar('description', 'Description'),
      source
    ]
  },
  {
    name: 'event',
    description: 'WSIS meetings reported in the source documents (action-line meetings, consultations, clusters)',
    published: true,
    primaryKey: ['id'],
    columns: [
      id,
      varchar('title', 'Meeting title'),
      date('start_date', 'Date (first day)'),
      date('end_date', 'Last day, if several'),
      varchar('date_text', 'Date and time as written in the source'),
      varchar('venue', 'Venue'),
      varchar('action_line', 'Action line (semicolon-separated if several), if the meeting is an action-line meeting'),
      varchar('facilitator', 'Facilitator(s)'),
      varchar('co_facilitators', 'Co-facilitators'),
      varchar('chair', 'Chair(s)'),
      integer('participants', 'Participant count as stated'),
      boolean('participants_approximate', 'True when the source says "around N"'),
      varchar('participants_text', 'Participation as written in the source'),
      varchar('decisions', 'Decisions as to the way forward (summary, semicolon-separated)'),
      varchar('notes', 'Other facts the report states: agenda, themes, presentations, proposals, meeting pages and webcasts (semicolon-separated)'),
      source
    ]
  },
  {
    name: 'participation',
    description: 'Attendance figures by stakeholder type and venue, as stated in the sources',
    published: true,
    primaryKey: ['event', 'measure', 'stakeholder_type', 'venue'],
    columns: [
      varchar('event', 'Event id'),
      varchar('measure', 'What was counted (announced, badged, badged_by_type, ...)'),
      varchar('stakeholder_type', 'Stakeholder type id, or "all"'),
      varchar('venue', 'Venue (ITU, UNOG, all)'),
      integer('count', 'Number as stated'),
      varchar('note', 'Note'),
      source
    ]
  },
  {
    name: 'data_quality_flag',
    description: 'Data-quality flags: places where a source does not add up or sources disagree; source figures are kept as published',
    published: true,
    primaryKey: ['id'],
    columns: [
      varchar('id', 'Flag identifier'),
      varchar('subject_table', 'Table concerned'),
      varchar('subject_id', 'Row or group concerned'),
      varchar('action_line', 'Action line concerned, if any'),
      varchar('severity', 'info or warning'),
      varchar('message', 'What does not add up, with the figures'),
      source
    ]
  },
  {
    name: 'stocktaking_entry',
    description: 'WSIS stocktaking activity entries (template: data/stocktaking/schema.json)',
    published: true,
    primaryKey: ['id'],
    columns: [
      varchar('id', 'Entry id'),
      varchar('title', 'Title'),
      varchar('lead_organisation', 'Lead organisation'),
      varchar('stakeholder_type', 'Stakeholder type id of the lead organisation (not_stated when the source does not say)'),
      varchar('stakeholder_type_rule', 'Null when the source states the stakeholder type; otherwise the documented rule that derived it from the organisation name (derived, not stated)'),
      varchar('countries', 'ISO3 codes, semicolon-separated (empty for global)'),
      varchar('wsis_targets', 'WSIS target numbers, semicolon-separated'),
      varchar('mdg_links', 'MDG goals or indicators, semicolon-separated'),
      varchar('status', 'planned, ongoing, completed or unknown'),
      integer('start_year', 'Start year'),
      integer('reported_year', 'Year the source last reported the entry (report, list or export year)'),
      source,
      varchar('conversion_note', 'How the entry was converted from its source (encoding repaired, names mapped), if it was')
    ]
  },
  {
    name: 'stocktaking_action_line',
    description: 'Bridge: the action lines each stocktaking entry is registered against',
    published: true,
    primaryKey: ['entry', 'action_line'],
    columns: [
      varchar('entry', 'Stocktaking entry id'),
      actionLine
    ]
  },
  {
    name: 'stocktaking_warning',
    description: 'Warnings on stocktaking entries (rules in pipelines/sources/stocktaking/warnings.ts), computed at load time',
    published: true,
    primaryKey: ['entry', 'rule'],
    columns: [
      varchar('entry', 'Stocktaking entry id'),
      varchar('rule', 'planned-start-passed, not-updated, no-country or no-action-line'),
      varchar('message', 'What the rule found, with the years'),
      integer('as_of_year', 'Year of the pipeline run the rules were applied in')
    ]
  },
  {
    name: 'stocktaking_total',
    description: 'Published totals of the WSIS stocktaking database',
    published: true,
    primaryKey: ['id'],
    columns: [
      id,
      integer('year', 'Year the total refers to (null if undated)'),
      integer('entries', 'Number of entries as published'),
      varchar('qualifier', 'exact, approximately, more than'),
      varchar('quote', 'Verbatim sentence'),
      source
    ]
  },
  {
    name: 'quarantine',
    description: 'Input rows refused by validation, with the reason (nothing is dropped silently)',
    published: true,
    columns: [
      varchar('source', 'Source module'),
      varchar('file', 'Input file'),
      integer('row_number', 'Line or row number in the file (1-based)'),
      varchar('reason', 'Why the row was refused'),
      varchar('raw', 'The refused content (truncated to 500 characters)')
    ]
  },
  {
    name: 'run_record',
    description: 'What each pipeline run read, loaded and refused, per source',
    published: true,
    columns: [
      varchar('run_id', 'Run identifier (start time)'),
      varchar('source', 'Source module'),
      varchar('status', 'ok, partial (some inputs unreadable or unreachable), skipped, failed, or reused (this run failed, skipped or shrank past the threshold: the rows of build reused_from are served; message says why)'),
      integer('files', 'Input files or responses read'),
      integer('rows_read', 'Rows read'),
      integer('rows_loaded', 'Rows loaded'),
      integer('rows_quarantined', 'Rows refused'),
      varchar('checksum', 'SHA-256 over the inputs of this source'),
      varchar('vintage', 'Vintage(s) of the inputs'),
      double('seconds', 'Time taken'),
      varchar('message', 'What is missing or went wrong'),
      timestamp('started_at', 'When the source started loading'),
      varchar('reused_from', 'For status reused: run id (start time) of the build whose rows of this source are served')
    ]
  }
] as const satisfies readonly TableSpec[];

/** Not published as data: tells the server which build it is reading and where its exports are. */
export const BUILD_INFO_TABLE = {
  name: 'build_info',
  description: 'The build this warehouse is: run id, time, mode, and the folder of its exports',
  published: false,
  columns: [
    varchar('run_id', 'Run identifier'),
    timestamp('built_at', 'When the build finished'),
    varchar('mode', 'mirror or online'),
    varchar('mirror', 'Mirror folder used, if any'),
    varchar('exports_dir', 'Absolute folder of the CSV/Parquet/JSON exports of this build'),
    varchar('fingerprint', 'SHA-256 over every input of a mirror-mode run (null online)')
  ]
} as const satisfies TableSpec;

/** The literal specs, for the row types below. */
const TABLE_DEFS = [...DATA_TABLES, BUILD_INFO_TABLE] as const satisfies readonly TableSpec[];
type TableDef = (typeof TABLE_DEFS)[number];

export const TABLES: readonly TableSpec[] = TABLE_DEFS;

export type TableName = TableDef['name'];

/** The TypeScript value of a column type as the warehouse returns it (dates as 'YYYY-MM-DD' text). */
type ValueOf<T extends ColumnType> = T extends 'VARCHAR' | 'DATE' | 'TIMESTAMP' ? string : T extends 'INTEGER' | 'DOUBLE' ? number : boolean;

/** Columns of a table that are part of its primary key (never null). */
type KeyOf<S> = S extends { primaryKey: readonly (infer K)[] } ? K : never;

/**
 * One row of a table, derived from its spec: `RowOf<'event'>` is { id: string; title: string | null; ... }.
 * Key columns are non-null; every other column may be null.
 */
export type RowOf<N extends TableName> = {
  [C in Extract<TableDef, { name: N }>['columns'][number] as C['name']]: C['name'] extends KeyOf<Extract<TableDef, { name: N }>>
    ? ValueOf<C['type']>
    : ValueOf<C['type']> | null;
};

/** The `;`-separated list encoding of list columns (action_line, facilitators, countries, ...): split, trimmed, empties dropped. */
export function splitList(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  return String(value)
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The inverse of splitList: items joined with ';'. */
export function joinList(items: readonly string[]): string {
  return items.join(';');
}

export function tableSpec(name: string): TableSpec {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown table: ${name}`);
  return spec;
}

export function createTableSql(spec: TableSpec): string {
  if (spec.view) return `CREATE VIEW "${spec.name}" AS ${spec.view}`;
  const cols = spec.columns.map((c) => `"${c.name}" ${c.type}`);
  if (spec.primaryKey) cols.push(`PRIMARY KEY (${spec.primaryKey.map((k) => `"${k}"`).join(', ')})`);
  return `CREATE TABLE "${spec.name}" (${cols.join(', ')})`;
}
