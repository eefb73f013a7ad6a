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
}

const source = { name: 'source', type: 'VARCHAR', description: 'Citation of where the row comes from (file, seed or publication)' } as const;
const VERIFIED = { name: 'verified', type: 'VARCHAR', description: 'What was checked against the official list (and where), or that the row is as recalled and unchecked' } as const;

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

const disaggregation = {
  name: 'disaggregation',
  type: 'VARCHAR',
  description: "Breakdown of the value: '' for the total, else key=value pairs joined by ';' in key order (e.g. sex=female, location=urban, education_level=primary)"
} as const;

const DATA_TABLES = [
  {
    name: 'indicator',
    description: 'Indicators of every publisher (World Bank WDI, ITU, UN SDG database, UN DESA, Global Data Lab, Common Crawl; ICT, population and MDG series) and the WSIS/MDG indicators and action lines each serves',
    published: true,
    primaryKey: ['code'],
    columns: [
      { name: 'code', type: 'VARCHAR', description: "Publisher's own code: World Bank (IT.NET.USER.ZS), UN SDG series (IT_MOB_2GNTWK), or <PUBLISHER>_<CODE> (ITU_HH6, EGOV_EGDI, GDL_TV, CC_LANG_SHARE)" },
      { name: 'name', type: 'VARCHAR', description: 'Indicator name' },
      { name: 'unit', type: 'VARCHAR', description: 'Unit of measure' },
      { name: 'topic', type: 'VARCHAR', description: 'ict (WSIS series), population (weights and context) or mdg (Millennium Development Goal series)' },
      { name: 'wsis_targets', type: 'VARCHAR', description: 'WSIS targets served (semicolon-separated target numbers 1-10)' },
      { name: 'mdg_indicator', type: 'VARCHAR', description: 'MDG indicator served (e.g. 8.16), if any' },
      { name: 'higher_is_better', type: 'BOOLEAN', description: 'Direction of progress' },
      { name: 'upper_bound', type: 'DOUBLE', description: 'Natural upper bound of the value (100 for percentages of population), if any' },
      {
        name: 'plausible_max',
        type: 'DOUBLE',
        description: 'For an indicator without a natural bound, the largest value accepted as plausible; larger values are quarantined'
      },
      { name: 'range_basis', type: 'VARCHAR', description: 'Where the accepted range (0 to upper_bound or plausible_max) comes from: the unit, or the limit and the evidence for it' },
      { name: 'source_organisation', type: 'VARCHAR', description: 'Producer of the series' },
      source,
      { name: 'sdg_indicator', type: 'VARCHAR', description: 'UN SDG indicator the series belongs to (e.g. 9.c.1), if any: action-line pages find it through the WSIS-SDG matrix (action line -> SDG target)' },
      { name: 'wsis_indicators', type: 'VARCHAR', description: 'WSIS target indicators served (semicolon-separated ids of target_indicator, e.g. 10.3;1.3)' },
      { name: 'action_lines', type: 'VARCHAR', description: "WSIS action lines the series serves by this project's own cited reading (semicolon-separated ids, e.g. C2;C7-e-government), besides the matrix links" },
      { name: 'measure', type: 'VARCHAR', description: "direct (measures what the WSIS target indicator asks) or proxy (a stated stand-in; measure_note says for what); empty where not assessed" },
      { name: 'measure_note', type: 'VARCHAR', description: 'What a proxy stands for and how it differs from the target indicator (per indicator where it serves several)' },
      { name: 'licence', type: 'VARCHAR', description: "Terms of the publisher's data, as the publisher or the copy states them" },
      { name: 'headline_disaggregation', type: 'VARCHAR', description: "The breakdown pages show when one value must stand for the series: '' (the total) unless the publisher gives no total (4.a.1 by education level: education_level=primary)" }
    ]
  },
  {
    name: 'indicator_alias',
    description: 'Old indicator codes mapped to current ones (e.g. IT.NET.USER.P2 -> IT.NET.USER.ZS)',
    published: true,
    primaryKey: ['old_code'],
    columns: [
      { name: 'old_code', type: 'VARCHAR', description: 'Code as found in older files' },
      { name: 'code', type: 'VARCHAR', description: 'Current indicator code' },
      { name: 'note', type: 'VARCHAR', description: 'Why the codes map' },
      source
    ]
  },
  {
    name: 'economy',
    description: 'Countries and the World Bank aggregates (WLD, regions, income groups, ...), kept apart by is_aggregate',
    published: true,
    primaryKey: ['code'],
    columns: [
      { name: 'code', type: 'VARCHAR', description: 'ISO 3166-1 alpha-3 code, World Bank aggregate code, or another publisher\'s aggregate as <PUBLISHER>_<CODE>' },
      { name: 'name', type: 'VARCHAR', description: 'Name' },
      { name: 'is_aggregate', type: 'BOOLEAN', description: 'True for aggregates: World Bank (WLD, regions, income groups) and other publishers (<PUBLISHER>_<CODE>, e.g. ITU_AFR); never mixed with countries' },
      { name: 'iso2', type: 'VARCHAR', description: 'ISO alpha-2 code' },
      { name: 'm49', type: 'VARCHAR', description: 'UN M49 numeric code' },
      { name: 'wb_region', type: 'VARCHAR', description: 'World Bank region (countries only)' },
      { name: 'wb_income_group', type: 'VARCHAR', description: 'World Bank income group (countries only)' },
      { name: 'un_region', type: 'VARCHAR', description: 'UN M49 region' },
      { name: 'un_subregion', type: 'VARCHAR', description: 'UN M49 sub-region' },
      { name: 'ldc', type: 'BOOLEAN', description: 'Least developed country (UN M49)' },
      { name: 'lldc', type: 'BOOLEAN', description: 'Land-locked developing country (UN M49)' },
      { name: 'sids', type: 'BOOLEAN', description: 'Small island developing state (UN M49)' },
      { name: 'developed', type: 'BOOLEAN', description: 'Developed (true) or developing (false) per UN M49, where given' },
      source
    ]
  },
  {
    name: 'economy_group',
    description: 'Membership of countries in groups: World Bank regions and income groups, UN M49 regions, LDC, LLDC, SIDS, developed/developing',
    published: true,
    primaryKey: ['classification', 'group_code', 'economy'],
    columns: [
      { name: 'classification', type: 'VARCHAR', description: 'wb_region, wb_income, m49_region, m49_subregion, ldc, lldc, sids, development' },
      { name: 'group_code', type: 'VARCHAR', description: 'Group code (the World Bank aggregate code where one exists, e.g. SSF, LIC)' },
      { name: 'group_name', type: 'VARCHAR', description: 'Group name' },
      { name: 'economy', type: 'VARCHAR', description: 'Member country code' },
      source
    ]
  },
  {
    name: 'observation_batch',
    description: 'One batch per indicator per input (file, sheet or API response): the publisher, vintage and provenance of its observations',
    published: true,
    primaryKey: ['batch_id'],
    columns: [
      { name: 'batch_id', type: 'VARCHAR', description: 'Batch identifier' },
      { name: 'indicator', type: 'VARCHAR', description: 'Indicator code (current code)' },
      { name: 'original_code', type: 'VARCHAR', description: 'Indicator code as found in the file' },
      { name: 'vintage', type: 'DATE', description: "Publisher's release date (World Bank: Last Updated Date of the file or API lastupdated); null when the input has none" },
      { name: 'publisher', type: 'VARCHAR', description: 'Publisher of the values (World Bank, ITU, UN DESA, ...)' },
      { name: 'layout', type: 'VARCHAR', description: 'Input layout (World Bank: wb-bulk, wb-bulk-noheader, wb-excel, databank, wb-api)' },
      { name: 'file', type: 'VARCHAR', description: 'Input file (relative to the mirror) or API URL' },
      { name: 'checksum', type: 'VARCHAR', description: 'SHA-256 of the input bytes' },
      { name: 'rows_loaded', type: 'INTEGER', description: 'Observations loaded from this batch' },
      { name: 'is_served', type: 'BOOLEAN', description: 'True if this batch serves at least one series (the newest vintage of its indicator for some economy and disaggregation)' },
      source,
      { name: 'pipeline_source', type: 'VARCHAR', description: 'Pipeline source that staged the batch (run_record.source); a batch reused from an earlier build keeps it' }
    ]
  },
  {
    name: 'observation_all',
    description: 'Every observation of every vintage (non-missing values only)',
    published: true,
    primaryKey: ['batch_id', 'economy', 'year', 'disaggregation'],
    columns: [
      { name: 'batch_id', type: 'VARCHAR', description: 'Batch (file and vintage)' },
      { name: 'indicator', type: 'VARCHAR', description: 'Indicator code' },
      { name: 'economy', type: 'VARCHAR', description: 'Economy code' },
      { name: 'year', type: 'INTEGER', description: 'Year' },
      disaggregation,
      { name: 'value', type: 'DOUBLE', description: 'Value in the indicator unit' },
      { name: 'vintage', type: 'DATE', description: 'Vintage of the batch' }
    ]
  },
  {
    name: 'observation',
    description: 'Observations served by default: for each indicator, economy and disaggregation, the series of the newest vintage that has it',
    published: true,
    primaryKey: ['indicator', 'economy', 'year', 'disaggregation'],
    columns: [
      { name: 'indicator', type: 'VARCHAR', description: 'Indicator code' },
      { name: 'economy', type: 'VARCHAR', description: 'Economy code' },
      { name: 'year', type: 'INTEGER', description: 'Year' },
      disaggregation,
      { name: 'value', type: 'DOUBLE', description: 'Value in the indicator unit' },
      { name: 'vintage', type: 'DATE', description: 'Vintage the value comes from' },
      { name: 'batch_id', type: 'VARCHAR', description: 'Batch the value comes from' },
      { name: 'is_aggregate', type: 'BOOLEAN', description: 'True for aggregate rows (World Bank or other publisher aggregates)' }
    ]
  },
  {
    name: 'vintage_difference',
    description: 'Values two vintages of one series publish differently (e.g. SDG 4.a.1 from the UN SDG database and from UIS.Stat): the served value beside the other, kept as published',
    published: true,
    primaryKey: ['indicator', 'economy', 'year', 'disaggregation', 'other_batch'],
    columns: [
      { name: 'indicator', type: 'VARCHAR', description: 'Indicator code' },
      { name: 'economy', type: 'VARCHAR', description: 'Economy code' },
      { name: 'year', type: 'INTEGER', description: 'Year' },
      disaggregation,
      { name: 'served_batch', type: 'VARCHAR', description: 'Batch whose value is served (the newest vintage of the series)' },
      { name: 'served_vintage', type: 'DATE', description: 'Its vintage' },
      { name: 'served_value', type: 'DOUBLE', description: 'The served value' },
      { name: 'other_batch', type: 'VARCHAR', description: 'The other batch' },
      { name: 'other_vintage', type: 'DATE', description: 'Its vintage' },
      { name: 'other_value', type: 'DOUBLE', description: 'The value it publishes' },
      { name: 'difference', type: 'DOUBLE', description: 'served_value - other_value' }
    ]
  },
  {
    name: 'observation_note',
    description: "Publishers' notes on single observations: ITU's estimate marks (2019* in the key ICT file), the WTID per-year Notes and Source columns, the Core Household footnotes",
    published: true,
    columns: [
      { name: 'batch_id', type: 'VARCHAR', description: 'Batch of the observation (observation_batch.batch_id)' },
      { name: 'indicator', type: 'VARCHAR', description: 'Indicator code as staged' },
      { name: 'economy', type: 'VARCHAR', description: 'Economy code' },
      { name: 'year', type: 'INTEGER', description: 'Year' },
      disaggregation,
      { name: 'kind', type: 'VARCHAR', description: "estimate (the publisher marks the value as an estimate), note (a definition or scope note) or source (the publisher's named data source)" },
      { name: 'note', type: 'VARCHAR', description: 'The text as published' }
    ]
  },
  {
    name: 'action_line',
    description: 'The 11 WSIS action lines (Geneva Plan of Action) with the 8 C7 sub-lines, their facilitators and co-facilitators',
    published: true,
    primaryKey: ['id'],
    columns: [
      { name: 'id', type: 'VARCHAR', description: 'Identifier, e.g. C2 or C7-e-health' },
      { name: 'parent', type: 'VARCHAR', description: 'Parent action line (C7 for its sub-lines)' },
      { name: 'title', type: 'VARCHAR', description: 'Title as the Geneva Plan of Action (2003) heads the action line' },
      { name: 'other_titles', type: 'VARCHAR', description: 'Other wordings of the title in later documents, each with the document that uses it' },
      { name: 'facilitators', type: 'VARCHAR', description: 'Lead facilitator(s) in the latest period the sources state (see table facilitation), semicolon-separated' },
      { name: 'co_facilitators', type: 'VARCHAR', description: 'Co-facilitators in the latest period the sources state (see table facilitation), semicolon-separated' },
      { name: 'sort_order', type: 'INTEGER', description: 'Display order' },
      source
    ]
  },
  {
    name: 'wsis_target',
    description: 'The 10 WSIS targets (Geneva Plan of Action, paragraph 6)',
    published: true,
    primaryKey: ['target'],
    columns: [
      { name: 'target', type: 'INTEGER', description: 'Target number 1-10' },
      { name: 'letter', type: 'VARCHAR', description: 'Letter a-j in the Plan of Action' },
      { name: 'text', type: 'VARCHAR', description: 'Text of the target' },
      { name: 'short_title', type: 'VARCHAR', description: 'Short title for display' },
      source
    ]
  },
  {
    name: 'target_indicator',
    description: 'Indicators proposed for each WSIS target (Partnership on Measuring ICT for Development, 2011), with goal values for progress assessment',
    published: true,
    primaryKey: ['id'],
    columns: [
      { name: 'id', type: 'VARCHAR', description: 'Indicator id in the framework, e.g. 1.1' },
      { name: 'target', type: 'INTEGER', description: 'WSIS target number' },
      { name: 'name', type: 'VARCHAR', description: 'Indicator name' },
      { name: 'unit', type: 'VARCHAR', description: 'Unit' },
      { name: 'goal_value', type: 'DOUBLE', description: 'Goal value used for progress assessment, where one is set' },
      { name: 'goal_basis', type: 'VARCHAR', description: "target (the target's own words fix the value, e.g. 'all' = 100) or project (the project's reading of the target, e.g. 50 for 'more than half'); empty without a goal" },
      { name: 'goal_reasoning', type: 'VARCHAR', description: 'Why this goal value' },
      { name: 'headline', type: 'BOOLEAN', description: "The indicator a target page shows first when it has data" },
      { name: 'verified', type: 'VARCHAR', description: 'yes (number and subject stated in the quoted document), partly (subject stated, number or wording not), no (not found in the documents consulted)' },
      { name: 'verification_note', type: 'VARCHAR', description: 'What exactly the citation supports and what it does not' },
      { name: 'citation', type: 'VARCHAR', description: 'The sentence(s) quoted from the document, verbatim' },
      source
    ]
  },
  {
    name: 'target_indicator_series',
    description: 'Series that measure each WSIS target indicator, from any publisher; a code not (yet) in the indicator catalog is kept and shown as not loaded',
    published: true,
    primaryKey: ['target_indicator', 'series_code'],
    columns: [
      { name: 'target_indicator', type: 'VARCHAR', description: 'Target indicator id, e.g. 10.5' },
      { name: 'series_code', type: 'VARCHAR', description: "Publisher's series code (World Bank IT.NET.USER.ZS, UN SDG IT_MOB_2GNTWK, ITU_HH6, EGOV_OSI, GDL_TV, ...)" },
      { name: 'relation', type: 'VARCHAR', description: 'direct (measures the indicator) or proxy (measures something close; the note says how it differs)' },
      { name: 'priority', type: 'INTEGER', description: '1 = the series pages assess the indicator with; higher = alternatives' },
      { name: 'note', type: 'VARCHAR', description: 'How the series relates to the indicator' },
      source
    ]
  },
  {
    name: 'facilitation',
    description: 'Who facilitated each action line, in which role and period, as each cited document states it',
    published: true,
    primaryKey: ['id'],
    columns: [
      { name: 'id', type: 'VARCHAR', description: 'Row identifier' },
      { name: 'action_line', type: 'VARCHAR', description: 'Action line id' },
      { name: 'organisation', type: 'VARCHAR', description: 'Organisation as the document names it' },
      { name: 'role', type: 'VARCHAR', description: 'lead facilitator, facilitator, co-facilitator, partner, interim focal point or proposed' },
      { name: 'from_year', type: 'INTEGER', description: 'First year the statement refers to' },
      { name: 'to_year', type: 'INTEGER', description: 'Last year the statement refers to (empty: open, as of the document)' },
      { name: 'statement', type: 'VARCHAR', description: "The document's own words, quoted" },
      { name: 'verified', type: 'VARCHAR', description: 'yes (quoted from the document), partly (the document supports the role but not in these words or not for this exact line), no' },
      source
    ]
  },
  {
    name: 'mdg_goal',
    description: 'The eight Millennium Development Goals (official list of MDG indicators, effective 15 January 2008)',
    published: true,
    primaryKey: ['goal'],
    columns: [
      { name: 'goal', type: 'INTEGER', description: 'Goal number 1-8' },
      { name: 'title', type: 'VARCHAR', description: 'Title of the goal' },
      source,
      VERIFIED
    ]
  },
  {
    name: 'mdg_target',
    description: 'The 21 MDG targets of the 2008 official list, with the base year and horizon where the target has them',
    published: true,
    primaryKey: ['id'],
    columns: [
      { name: 'id', type: 'VARCHAR', description: 'Target id, e.g. 4.A' },
      { name: 'goal', type: 'INTEGER', description: 'MDG number 1-8' },
      { name: 'text', type: 'VARCHAR', description: 'Text of the target' },
      { name: 'base_year', type: 'INTEGER', description: 'Year progress is measured from (1990), where the target is measured against a baseline' },
      { name: 'horizon', type: 'INTEGER', description: 'Year the target is to be met by (2015 for most), if any' },
      source,
      VERIFIED
    ]
  },
  {
    name: 'mdg_indicator',
    description: 'MDG indicators used here (2008 official list numbering), their World Bank series and the numeric goal rule of their target',
    published: true,
    primaryKey: ['id'],
    columns: [
      { name: 'id', type: 'VARCHAR', description: 'MDG indicator id, e.g. 4.1 or 8.16' },
      { name: 'target', type: 'VARCHAR', description: 'MDG target, e.g. 4.A or 8.F' },
      { name: 'name', type: 'VARCHAR', description: 'Indicator name in the official list' },
      { name: 'wb_code', type: 'VARCHAR', description: 'Current World Bank code of the series used' },
      { name: 'wb_match', type: 'VARCHAR', description: 'same (the series is the indicator) or proxy (a near series: another poverty line, age range or coverage; see goal_reasoning)' },
      { name: 'goal_rule', type: 'VARCHAR', description: 'absolute (goal_value), parity (the parity band of the progress method), reduce (by goal_fraction of the base-year value), reduce_shortfall (reduce the distance to 100 by goal_fraction), or empty (no numeric goal)' },
      { name: 'goal_value', type: 'DOUBLE', description: 'Goal value for an absolute rule' },
      { name: 'goal_fraction', type: 'VARCHAR', description: 'Reduction for a relative rule, as a fraction (1/2, 2/3, 3/4)' },
      { name: 'goal_reasoning', type: 'VARCHAR', description: 'How the target text becomes the goal rule, and how the series differs from the indicator' },
      source,
      VERIFIED
    ]
  },
  {
    name: 'action_line_link',
    description: 'Links from action lines to WSIS targets, MDG indicators and goals, and SDG targets',
    published: true,
    primaryKey: ['action_line', 'link_type', 'link_id'],
    columns: [
      { name: 'action_line', type: 'VARCHAR', description: 'Action line id' },
      { name: 'link_type', type: 'VARCHAR', description: 'wsis_target, mdg (MDG indicator), mdg_goal (MDG 1-8), sdg_goal or sdg_target' },
      { name: 'link_id', type: 'VARCHAR', description: 'Linked id (target number, MDG indicator id, MDG number, SDG number or SDG target id)' },
      { name: 'rationale', type: 'VARCHAR', description: 'Why they are linked, as given by the source' },
      source
    ]
  },
  {
    name: 'stakeholder_type',
    description: 'Stakeholder types used in participation and stocktaking',
    published: true,
    primaryKey: ['id'],
    columns: [
      { name: 'id', type: 'VARCHAR', description: 'Identifier' },
      { name: 'name', type: 'VARCHAR', description: 'Name' },
      { name: 'description', type: 'VARCHAR', description: 'Description' },
      source
    ]
  },
  {
    name: 'event',
    description: 'WSIS meetings reported in the source documents (action-line meetings, consultations, clusters)',
    published: true,
    primaryKey: ['id'],
    columns: [
      { name: 'id', type: 'VARCHAR', description: 'Identifier' },
      { name: 'title', type: 'VARCHAR', description: 'Meeting title' },
      { name: 'start_date', type: 'DATE', description: 'Date (first day)' },
      { name: 'end_date', type: 'DATE', description: 'Last day, if several' },
      { name: 'date_text', type: 'VARCHAR', description: 'Date and time as written in the source' },
      { name: 'venue', type: 'VARCHAR', description: 'Venue' },
      { name: 'action_line', type: 'VARCHAR', description: 'Action line (semicolon-separated if several), if the meeting is an action-line meeting' },
      { name: 'facilitator', type: 'VARCHAR', description: 'Facilitator(s)' },
      { name: 'co_facilitators', type: 'VARCHAR', description: 'Co-facilitators' },
      { name: 'chair', type: 'VARCHAR', description: 'Chair(s)' },
      { name: 'participants', type: 'INTEGER', description: 'Participant count as stated' },
      { name: 'participants_approximate', type: 'BOOLEAN', description: 'True when the source says "around N"' },
      { name: 'participants_text', type: 'VARCHAR', description: 'Participation as written in the source' },
      { name: 'decisions', type: 'VARCHAR', description: 'Decisions as to the way forward (summary, semicolon-separated)' },
      { name: 'notes', type: 'VARCHAR', description: 'Other facts the report states: agenda, themes, presentations, proposals, meeting pages and webcasts (semicolon-separated)' },
      source
    ]
  },
  {
    name: 'participation',
    description: 'Attendance figures by stakeholder type and venue, as stated in the sources',
    published: true,
    primaryKey: ['event', 'measure', 'stakeholder_type', 'venue'],
    columns: [
      { name: 'event', type: 'VARCHAR', description: 'Event id' },
      { name: 'measure', type: 'VARCHAR', description: 'What was counted (announced, badged, badged_by_type, ...)' },
      { name: 'stakeholder_type', type: 'VARCHAR', description: 'Stakeholder type id, or "all"' },
      { name: 'venue', type: 'VARCHAR', description: 'Venue (ITU, UNOG, all)' },
      { name: 'count', type: 'INTEGER', description: 'Number as stated' },
      { name: 'note', type: 'VARCHAR', description: 'Note' },
      source
    ]
  },
  {
    name: 'data_quality_flag',
    description: 'Data-quality flags: places where a source does not add up or sources disagree; source figures are kept as published',
    published: true,
    primaryKey: ['id'],
    columns: [
      { name: 'id', type: 'VARCHAR', description: 'Flag identifier' },
      { name: 'subject_table', type: 'VARCHAR', description: 'Table concerned' },
      { name: 'subject_id', type: 'VARCHAR', description: 'Row or group concerned' },
      { name: 'action_line', type: 'VARCHAR', description: 'Action line concerned, if any' },
      { name: 'severity', type: 'VARCHAR', description: 'info or warning' },
      { name: 'message', type: 'VARCHAR', description: 'What does not add up, with the figures' },
      source
    ]
  },
  {
    name: 'stocktaking_entry',
    description: 'WSIS stocktaking activity entries (template: data/stocktaking/schema.json)',
    published: true,
    primaryKey: ['id'],
    columns: [
      { name: 'id', type: 'VARCHAR', description: 'Entry id' },
      { name: 'title', type: 'VARCHAR', description: 'Title' },
      { name: 'lead_organisation', type: 'VARCHAR', description: 'Lead organisation' },
      { name: 'stakeholder_type', type: 'VARCHAR', description: 'Stakeholder type id of the lead organisation (not_stated when the source does not say)' },
      { name: 'stakeholder_type_rule', type: 'VARCHAR', description: 'Null when the source states the stakeholder type; otherwise the documented rule that derived it from the organisation name (derived, not stated)' },
      { name: 'countries', type: 'VARCHAR', description: 'ISO3 codes, semicolon-separated (empty for global)' },
      { name: 'wsis_targets', type: 'VARCHAR', description: 'WSIS target numbers, semicolon-separated' },
      { name: 'mdg_links', type: 'VARCHAR', description: 'MDG goals or indicators, semicolon-separated' },
      { name: 'status', type: 'VARCHAR', description: 'planned, ongoing, completed or unknown' },
      { name: 'start_year', type: 'INTEGER', description: 'Start year' },
      { name: 'reported_year', type: 'INTEGER', description: 'Year the source last reported the entry (report, list or export year)' },
      source,
      { name: 'conversion_note', type: 'VARCHAR', description: 'How the entry was converted from its source (encoding repaired, names mapped), if it was' }
    ]
  },
  {
    name: 'stocktaking_action_line',
    description: 'Bridge: the action lines each stocktaking entry is registered against',
    published: true,
    primaryKey: ['entry', 'action_line'],
    columns: [
      { name: 'entry', type: 'VARCHAR', description: 'Stocktaking entry id' },
      { name: 'action_line', type: 'VARCHAR', description: 'Action line id' }
    ]
  },
  {
    name: 'stocktaking_warning',
    description: 'Warnings on stocktaking entries (rules in pipelines/sources/stocktaking/warnings.ts), computed at load time',
    published: true,
    primaryKey: ['entry', 'rule'],
    columns: [
      { name: 'entry', type: 'VARCHAR', description: 'Stocktaking entry id' },
      { name: 'rule', type: 'VARCHAR', description: 'planned-start-passed, not-updated, no-country or no-action-line' },
      { name: 'message', type: 'VARCHAR', description: 'What the rule found, with the years' },
      { name: 'as_of_year', type: 'INTEGER', description: 'Year of the pipeline run the rules were applied in' }
    ]
  },
  {
    name: 'stocktaking_total',
    description: 'Published totals of the WSIS stocktaking database',
    published: true,
    primaryKey: ['id'],
    columns: [
      { name: 'id', type: 'VARCHAR', description: 'Identifier' },
      { name: 'year', type: 'INTEGER', description: 'Year the total refers to (null if undated)' },
      { name: 'entries', type: 'INTEGER', description: 'Number of entries as published' },
      { name: 'qualifier', type: 'VARCHAR', description: 'exact, approximately, more than' },
      { name: 'quote', type: 'VARCHAR', description: 'Verbatim sentence' },
      source
    ]
  },
  {
    name: 'quarantine',
    description: 'Input rows refused by validation, with the reason (nothing is dropped silently)',
    published: true,
    columns: [
      { name: 'source', type: 'VARCHAR', description: 'Source module' },
      { name: 'file', type: 'VARCHAR', description: 'Input file' },
      { name: 'row_number', type: 'INTEGER', description: 'Line or row number in the file (1-based)' },
      { name: 'reason', type: 'VARCHAR', description: 'Why the row was refused' },
      { name: 'raw', type: 'VARCHAR', description: 'The refused content (truncated to 500 characters)' }
    ]
  },
  {
    name: 'run_record',
    description: 'What each pipeline run read, loaded and refused, per source',
    published: true,
    columns: [
      { name: 'run_id', type: 'VARCHAR', description: 'Run identifier (start time)' },
      { name: 'source', type: 'VARCHAR', description: 'Source module' },
      { name: 'status', type: 'VARCHAR', description: 'ok, partial (some inputs unreadable or unreachable), skipped, failed, or reused (this run failed, skipped or shrank past the threshold: the rows of build reused_from are served; message says why)' },
      { name: 'files', type: 'INTEGER', description: 'Input files or responses read' },
      { name: 'rows_read', type: 'INTEGER', description: 'Rows read' },
      { name: 'rows_loaded', type: 'INTEGER', description: 'Rows loaded' },
      { name: 'rows_quarantined', type: 'INTEGER', description: 'Rows refused' },
      { name: 'checksum', type: 'VARCHAR', description: 'SHA-256 over the inputs of this source' },
      { name: 'vintage', type: 'VARCHAR', description: 'Vintage(s) of the inputs' },
      { name: 'seconds', type: 'DOUBLE', description: 'Time taken' },
      { name: 'message', type: 'VARCHAR', description: 'What is missing or went wrong' },
      { name: 'started_at', type: 'TIMESTAMP', description: 'When the source started loading' },
      { name: 'reused_from', type: 'VARCHAR', description: 'For status reused: run id (start time) of the build whose rows of this source are served' }
    ]
  }
] as const satisfies readonly TableSpec[];

/** Not published as data: tells the server which build it is reading and where its exports are. */
export const BUILD_INFO_TABLE = {
  name: 'build_info',
  description: 'The build this warehouse is: run id, time, mode, and the folder of its exports',
  published: false,
  columns: [
    { name: 'run_id', type: 'VARCHAR', description: 'Run identifier' },
    { name: 'built_at', type: 'TIMESTAMP', description: 'When the build finished' },
    { name: 'mode', type: 'VARCHAR', description: 'mirror or online' },
    { name: 'mirror', type: 'VARCHAR', description: 'Mirror folder used, if any' },
    { name: 'exports_dir', type: 'VARCHAR', description: 'Absolute folder of the CSV/Parquet/JSON exports of this build' },
    { name: 'fingerprint', type: 'VARCHAR', description: 'SHA-256 over every input of a mirror-mode run (null online)' }
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
  const cols = spec.columns.map((c) => `"${c.name}" ${c.type}`);
  if (spec.primaryKey) cols.push(`PRIMARY KEY (${spec.primaryKey.map((k) => `"${k}"`).join(', ')})`);
  return `CREATE TABLE "${spec.name}" (${cols.join(', ')})`;
}
