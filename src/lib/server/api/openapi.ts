// The OpenAPI 3.1 description of /api/v1, written as data. The unit test checks that it is
// well-formed and names every endpoint under src/routes/api/v1; the limits come from params.ts
// so the document cannot drift from the code.
import { STATUSES, TREND_STATUSES } from '$lib/progress';
import { DEFAULT_LIMIT, MAX_LIMIT } from './params';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const STRING = { type: 'string' };
const INTEGER = { type: 'integer' };
const NUMBER = { type: 'number' };
const BOOLEAN = { type: 'boolean' };
/** A JSON response: its description and schema. */
const json = (description: string, schema: object) => ({ description, content: { 'application/json': { schema } } });
const param = (name: string, description: string, schema: object, required = false, where: 'query' | 'path' = 'query') => ({
  name,
  in: where,
  required: where === 'path' ? true : required,
  description,
  schema
});
const codeSchema = { type: 'string', pattern: '^[A-Za-z0-9._-]+$', maxLength: 64 };
const yearSchema = { type: 'integer', minimum: 1000, maximum: 9999 };

const pagingParams = [
  param('limit', `Rows per page: default ${DEFAULT_LIMIT}, maximum ${MAX_LIMIT}.`, { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
  param('offset', 'Rows to skip (0-based).', { type: 'integer', minimum: 0, default: 0 })
];

const errors = {
  '400': { description: 'Malformed parameter (non-numeric year, from > to, limit outside 1..' + MAX_LIMIT + ', negative offset, unknown format).', content: { 'application/json': { schema: ref('Error') } } },
  '404': json('Unknown indicator, economy, action line, stakeholder type or event.', ref('Error'))
};
const notModified = { '304': { description: 'Not modified: the ETag sent in If-None-Match is current (same warehouse build, same query).' } };

function pageOf(item: string, description: string) {
  return {
    description,
    headers: { ETag: { schema: STRING, description: 'Warehouse build + query' } },
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['total', 'limit', 'offset', 'data'],
          properties: {
            total: { type: 'integer', description: 'Rows matching the query, over all pages' },
            limit: INTEGER,
            offset: INTEGER,
            data: { type: 'array', items: ref(item) }
          }
        }
      }
    }
  };
}

/** GET of a paged list: its own parameters, then limit and offset; 400 for a malformed parameter, 404 too where a code is looked up. */
function pagedList(operationId: string, summary: string, item: string, description: string, parameters: object[] = [], looksUpCodes = false) {
  const failures = looksUpCodes ? errors : { '400': errors['400'] };
  return { get: { operationId, summary, parameters: [...parameters, ...pagingParams], responses: { '200': pageOf(item, description), ...notModified, ...failures } } };
}

const nullable = (type: string, description?: string) => ({ type: [type, 'null'], ...(description ? { description } : {}) });
const stringList = (description: string) => ({ type: 'array', items: STRING, description });

const arrayOf = (item: string) => ({ type: 'array', items: ref(item) });
/** What /mdgs and /mdgs/{goal} say of a goal before its targets. */
const verified = { type: 'string', enum: ['yes', 'partly', 'no'], description: 'How far the row was checked against the official MDG list' };
const verificationNote = { type: 'string', description: 'What was checked, against which copy of the list, and what was not' };
const mdgGoalFields = { goal: INTEGER, title: STRING, source: STRING, verified, verification_note: verificationNote };

export function openApiDocument(serverUrl = '/api/v1') {
  return {
    openapi: '3.1.0',
    info: {
      title: 'WSIS progress monitor API',
      version: '1.0.0',
      summary: 'Read-only access to the WSIS progress monitor warehouse: indicators, observations, progress assessments, action lines, stocktaking and participation.',
      description:
        'Every response is computed from the current warehouse build and carries `Cache-Control: public, max-age=300`, an `ETag` (warehouse build + query; send it back in `If-None-Match` for a 304) and `Access-Control-Allow-Origin: *`. ' +
        `List responses are paged: \`{ total, limit, offset, data }\`, with \`limit\` defaulting to ${DEFAULT_LIMIT} and at most ${MAX_LIMIT}. ` +
        'Errors are `{ error, detail }` with status 400 (malformed parameter) or 404 (unknown code). ' +
        'Whole tables (CSV, Parquet, JSON, with a Frictionless datapackage.json) are on /data. Licence: World Bank WDI data CC BY 4.0 (ICT series produced by ITU); UNSD M49 under UN terms of use; meeting and stocktaking data cited per row.',
      license: { name: 'CC BY 4.0 (data: see /data for each source)', identifier: 'CC-BY-4.0' }
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/': {
        get: {
          operationId: 'getIndex',
          summary: 'Where to start: this document, every endpoint, and the data package of file downloads',
          responses: { '200': json('Links', { type: 'object' }), ...notModified }
        }
      },
      '/indicators': pagedList(
        'listIndicators',
        'Indicators loaded from the World Bank WDI, with the WSIS targets and MDG indicator each serves',
        'Indicator',
        'Indicators, ordered by code'
      ),
      '/observations': {
        get: {
          operationId: 'listObservations',
          summary: 'Values of one indicator, sorted by economy then year',
          description:
            'By default the served values (newest vintage per indicator, economy and disaggregation); `vintage=all` returns every vintage kept (then sorted by economy, year, newest vintage first). By default the totals; `disaggregation=sex=female` (one of the indicator\'s `disaggregations` in /indicators) returns that breakdown. `format=csv` returns the same rows and columns as CSV, with the total in `X-Total-Count`.',
          parameters: [
            param('indicator', 'World Bank indicator code, e.g. IT.NET.USER.ZS', codeSchema, true),
            param('economy', 'Comma-separated ISO 3166-1 alpha-3 codes or World Bank aggregate codes (WLD, SSF, LIC, ...). Default: all economies.', STRING),
            param('from', 'First year (inclusive)', yearSchema),
            param('to', 'Last year (inclusive); not before from', yearSchema),
            param('vintage', '`served` (default) or `all`', { type: 'string', enum: ['served', 'all'], default: 'served' }),
            param('disaggregation', 'Breakdown: empty (default) for the total, else key=value pairs joined by ";" in key order, e.g. sex=female, location=urban', { type: 'string', default: '' }),
            param('format', '`json` (default) or `csv`', { type: 'string', enum: ['json', 'csv'], default: 'json' }),
            ...pagingParams
          ],
          responses: {
            '200': {
              ...pageOf('Observation', 'Observations'),
              content: {
                ...pageOf('Observation', '').content,
                'text/csv': { schema: { type: 'string', description: 'Header indicator,economy,year,disaggregation,value,vintage,source then one line per row' } }
              },
              headers: {
                ETag: { schema: STRING },
                'X-Total-Count': { schema: INTEGER, description: 'Total rows (CSV responses)' }
              }
            },
            ...notModified,
            ...errors
          }
        }
      },
      '/cross-checks': {
        get: {
          operationId: 'listCrossChecks',
          summary: 'World series that ITU and the World Bank both publish, year by year with the difference',
          description:
            "ITU's own world figure (key ICT indicators, economy ITU_WLD) beside the World Bank's (WDI, WLD) for Internet use, mobile-cellular, fixed-telephone and fixed-broadband subscriptions per 100; `difference` is ITU minus World Bank; `ituEstimate` marks ITU's estimates (the key ICT file's 2019*). Both figures as published.",
          parameters: [param('indicator', 'Either code of a pair, e.g. ITU_INET or IT.NET.USER.ZS. Default: every pair.', codeSchema)],
          responses: {
            '200': json('Cross-checks', { type: 'object', required: ['data'], properties: { data: arrayOf('CrossCheck') } }),
            ...notModified,
            ...errors
          }
        }
      },
      '/progress': {
        get: {
          operationId: 'getProgress',
          summary: 'Progress of one economy toward the goal of an indicator (UN ESCAP anticipated progress; see /methodology)',
          parameters: [
            param('indicator', 'Indicator with a goal (IT.NET.USER.ZS, IT.CEL.SETS.P2)', codeSchema, true),
            param('economy', 'ISO3 or World Bank aggregate code', codeSchema, true),
            param('horizon', 'Target year (default 2015; 2012 is the mid-point); after 2003, at most 2100', { ...yearSchema, default: 2015 }),
            param('as_of', 'Assess as if in this year (later values ignored). Default: the latest year with data.', yearSchema)
          ],
          responses: {
            '200': json('The assessment', ref('Progress')),
            ...notModified,
            '400': errors['400'],
            '404': json('Unknown indicator or economy, or the indicator has no goal value.', ref('Error'))
          }
        }
      },
      '/action-lines': pagedList(
        'listActionLines',
        'The WSIS action lines C1-C11 (with the C7 sub-lines), facilitators and counts',
        'ActionLine',
        'Action lines in Plan of Action order'
      ),
      '/action-lines/{id}': {
        get: {
          operationId: 'getActionLine',
          summary: 'One action line: facilitators, linked targets and indicators, stocktaking counts, meetings',
          parameters: [param('id', 'Action line id, e.g. C2 or C7-e-health', codeSchema, true, 'path')],
          responses: {
            '200': json('The action line', ref('ActionLineDetail')),
            ...notModified,
            '404': errors['404']
          }
        }
      },
      '/mdgs': pagedList(
        'listMdgs',
        'The eight Millennium Development Goals with their targets (official list, 2008), the indicators used here and the world verdict of each',
        'MdgGoal',
        'Goals 1-8'
      ),
      '/mdgs/{goal}': {
        get: {
          operationId: 'getMdg',
          summary: 'One MDG: its targets and indicators, each judged against its target for the world, every World Bank region and income group, the LDCs and every country',
          parameters: [
            param('goal', 'MDG number 1-8 (not a whole number: 400; outside 1-8: 404)', { type: 'integer', minimum: 1, maximum: 8 }, true, 'path'),
            param('economy', 'Comma-separated economy codes to keep (default: all), e.g. WLD,KEN', STRING)
          ],
          responses: {
            '200': json('The goal', ref('MdgGoalDetail')),
            ...notModified,
            ...errors
          }
        }
      },
      '/stocktaking': pagedList(
        'listStocktaking',
        'WSIS stocktaking entries, filtered by action line, stakeholder type or country',
        'StocktakingEntry',
        'Entries, ordered by id',
        [
          param('action_line', 'Action line id, e.g. C2', codeSchema),
          param('stakeholder_type', 'government, private_sector, civil_society, international_organisation, academia, other, not_stated', codeSchema),
          param('country', 'ISO3 code', codeSchema)
        ],
        true
      ),
      '/stocktaking/warnings': {
        get: {
          operationId: 'listStocktakingWarnings',
          summary: 'Warnings on stocktaking entries (the warning system): rules, entries flagged by each, and the warnings',
          description:
            'Rules, applied at each pipeline run against the year of the run (as_of_year): planned-start-passed (status planned, start year passed), not-updated (last reported more than stale_after_years years before), no-country, no-action-line. An entry can have several warnings. With action_line, entries on that line and its sub-lines.',
          parameters: [
            param('action_line', 'Action line id, e.g. C7 (includes its sub-lines) or C7-e-health', codeSchema),
            param('rule', 'One rule: planned-start-passed, not-updated, no-country, no-action-line', STRING),
            ...pagingParams
          ],
          responses: {
            '200': json('The rules with their counts, and one page of warnings ordered by rule and entry', ref('StocktakingWarnings')),
            ...notModified,
            ...errors
          }
        }
      },
      '/participation': pagedList(
        'listParticipation',
        'Attendance figures by stakeholder type and venue, as stated in the sources',
        'Participation',
        'Figures, ordered by event, measure, stakeholder type, venue',
        [param('event', 'Event id (see event.csv on /data)', codeSchema)],
        true
      ),
      '/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          summary: 'This document',
          responses: { '200': json('OpenAPI 3.1 document', { type: 'object' }) }
        }
      }
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'detail'],
          properties: { error: { type: 'string', enum: ['bad_request', 'not_found'] }, detail: { type: 'string', description: 'What was wrong and what is accepted' } }
        },
        MdgVerdict: {
          type: 'object',
          description: "An economy's series judged against the target: a relative target's goal is computed from that economy's own base-year value",
          properties: {
            economy: STRING,
            name: STRING,
            kind: { type: 'string', enum: ['world', 'region', 'income', 'ldc', 'country'] },
            region: nullable('string', 'World Bank region of a country'),
            goal_value: nullable('number', 'Goal for this economy (null: no numeric goal, or no base-year value)'),
            baseline_year: nullable('integer'),
            baseline_value: nullable('number'),
            latest_year: nullable('integer'),
            latest_value: nullable('number'),
            status: nullable('string', 'Verdict on all the data, same vocabulary as /progress (null: the target sets no numeric goal)'),
            reason: nullable('string', 'Why the data are insufficient'),
            note: nullable('string'),
            first_year_met: nullable('integer'),
            projected_year_reached: nullable('integer'),
            status_at_horizon: nullable('string', 'Verdict as it stood in the horizon year, when the data go beyond it'),
            trend: {
              type: ['object', 'null'],
              description: 'For a series whose target sets no numeric goal: the trend verdict (as /progress kind trend)',
              properties: { status: STRING, reason: nullable('string'), cagr: nullable('number'), baseline_year: nullable('integer'), as_of: nullable('integer') }
            }
          }
        },
        MdgIndicator: {
          type: 'object',
          properties: {
            id: { type: 'string', description: 'e.g. 4.1' },
            target: { type: 'string', description: 'e.g. 4.A' },
            name: STRING,
            wb_code: STRING,
            wb_match: { type: 'string', enum: ['same', 'proxy'] },
            unit: nullable('string'),
            higher_is_better: BOOLEAN,
            goal_rule: nullable('string', 'absolute, reduce, reduce_shortfall, or null'),
            goal_value: nullable('number'),
            goal_fraction: nullable('string', 'e.g. 2/3'),
            goal_reasoning: STRING,
            base_year: nullable('integer'),
            horizon: nullable('integer'),
            observations: INTEGER,
            verified,
            verification_note: verificationNote,
            world: ref('MdgVerdict'),
            verdicts: arrayOf('MdgVerdict')
          }
        },
        MdgGoal: {
          type: 'object',
          properties: {
            ...mdgGoalFields,
            targets: {
              type: 'array',
              items: {
                type: 'object',
                properties: { id: STRING, text: STRING, base_year: nullable('integer'), horizon: nullable('integer'), verified, verification_note: verificationNote, indicators: arrayOf('MdgIndicator') }
              }
            }
          }
        },
        MdgGoalDetail: {
          type: 'object',
          properties: {
            ...mdgGoalFields,
            targets: { type: 'array', items: { type: 'object' } },
            indicators: arrayOf('MdgIndicator')
          }
        },
        CrossCheck: {
          type: 'object',
          required: ['itu', 'worldBank', 'unit', 'rows', 'maxAbsDifference', 'maxAbsDifferenceYear'],
          properties: {
            itu: ref('CrossCheckSide'),
            worldBank: ref('CrossCheckSide'),
            unit: STRING,
            rows: {
              type: 'array',
              items: {
                type: 'object',
                required: ['year', 'itu', 'ituEstimate', 'worldBank', 'difference'],
                properties: {
                  year: INTEGER,
                  itu: nullable('number', "ITU's world value"),
                  ituEstimate: { type: 'boolean', description: 'ITU marks the value as its estimate' },
                  worldBank: nullable('number', "The World Bank's world value (WLD)"),
                  difference: nullable('number', 'ITU minus World Bank, where both exist')
                }
              }
            },
            maxAbsDifference: nullable('number', 'Largest absolute difference over the years with both'),
            maxAbsDifferenceYear: nullable('integer')
          }
        },
        CrossCheckSide: {
          type: 'object',
          required: ['code', 'name', 'economy', 'vintage', 'file'],
          properties: {
            code: { type: 'string', description: 'Indicator code' },
            name: STRING,
            economy: { type: 'string', description: 'ITU_WLD or WLD' },
            vintage: nullable('string', 'Newest vintage served (YYYY-MM-DD)'),
            file: nullable('string', 'Input file(s) the values come from')
          }
        },
        Indicator: {
          type: 'object',
          properties: {
            code: STRING,
            name: STRING,
            unit: STRING,
            wsis_targets: { type: 'array', items: INTEGER, description: 'WSIS target numbers 1-10' },
            mdg_indicator: nullable('string', 'MDG indicator served, e.g. 8.16'),
            source_organisation: nullable('string', 'Producer of the series'),
            source: { type: 'string', description: 'Citation' },
            disaggregations: { type: 'array', items: STRING, description: 'Breakdowns with served values ("" = the total), each a valid disaggregation filter of /observations' }
          }
        },
        Observation: {
          type: 'object',
          properties: {
            indicator: STRING,
            economy: STRING,
            year: INTEGER,
            disaggregation: { type: 'string', description: "'' for the total, else key=value pairs joined by ';' (e.g. sex=female)" },
            value: { type: 'number', description: 'In the indicator unit' },
            vintage: nullable('string', 'Last Updated Date of the source file (YYYY-MM-DD)'),
            source: { type: 'string', description: 'Citation of the batch: publisher, licence, file, Last Updated date' }
          }
        },
        Point: { type: 'object', properties: { year: INTEGER, value: NUMBER } },
        Progress: {
          type: 'object',
          properties: {
            indicator: STRING,
            economy: STRING,
            horizon: INTEGER,
            status: {
              type: 'string',
              enum: [...new Set([...STATUSES, ...TREND_STATUSES])],
              description:
                'kind "goal": as of a year up to the horizon: met, on_track, too_slow, regressing; as of a year after it: met_on_time (first reached in or before the horizon year), met_late (reached after it: see first_year_met), not_met (see projected_year_reached); either: insufficient_data. kind "trend" (no numeric goal; Eurostat growth-rate method): significant_progress, moderate_progress, moderate_movement_away, significant_movement_away, insufficient_data.'
            },
            kind: { type: 'string', enum: ['goal', 'trend'], description: 'goal: verdict against a numeric goal; trend: an indicator without one, judged on its growth rate (cagr, directed_cagr)' },
            phase: { type: 'string', enum: ['by_horizon', 'after_horizon'], description: 'Whether as_of is up to the horizon or after it' },
            label: { type: 'string', description: 'The verdict in words with its years, as the pages show it, e.g. "Met late (2019)"' },
            reason: { type: ['string', 'null'], enum: ['no_baseline', 'too_few_points', 'gap_too_old', null] },
            note: nullable('string'),
            as_of: nullable('integer'),
            baseline: { oneOf: [{ type: 'null' }, { type: 'object', properties: { year: INTEGER, value: NUMBER, requested_year: INTEGER, distance: INTEGER } }] },
            latest: { oneOf: [{ type: 'null' }, ref('Point')] },
            goal: { type: 'object', description: 'Goal value, the value actually compared with (effective_value), direction, bound, and the target indicator it comes from' },
            first_year_met: nullable('integer', 'First year (up to as_of) whose value met the goal'),
            points_used: INTEGER,
            csi: nullable('number', 'Current Status Index'),
            api: nullable('number', 'Anticipated Progress Index'),
            projected_value_at_horizon: nullable('number'),
            projected_year_reached: nullable('integer'),
            regression: { type: ['object', 'null'] },
            thresholds: { type: 'object' },
            method: { type: 'object', properties: { name: STRING, version: STRING, documentation: STRING } }
          }
        },
        ActionLine: {
          type: 'object',
          properties: {
            id: STRING,
            parent: nullable('string'),
            title: STRING,
            facilitators: stringList('Lead facilitators'),
            co_facilitators: stringList('Co-facilitators'),
            sort_order: INTEGER,
            stocktaking_count: { type: 'integer', description: 'Stocktaking entries registered against it' },
            meeting_count: { type: 'integer', description: 'Meetings whose action-line list contains it' },
            source: STRING
          }
        },
        ActionLineDetail: {
          allOf: [
            ref('ActionLine'),
            {
              type: 'object',
              properties: {
                sub_lines: { type: 'array', items: { type: 'object' } },
                links: { type: 'array', items: { type: 'object', properties: { link_type: STRING, link_id: STRING, rationale: STRING, source: STRING } } },
                targets: { type: 'array', items: { type: 'object' } },
                indicators: {
                  type: 'array',
                  items: { type: 'object' },
                  description: 'WSIS target indicators of the linked targets (with series_code, the series the dashboard assesses, and verified: yes/partly/no) and the linked MDG indicators'
                },
                facilitation: {
                  type: 'array',
                  items: { type: 'object' },
                  description: 'Facilitation history: organisation, role, from_year, to_year, the statement quoted, verified and source'
                },
                stocktaking: { type: 'object', properties: { entries: INTEGER, by_stakeholder_type: { type: 'array', items: { type: 'object' } }, by_year: { type: 'array', items: { type: 'object' } } } },
                meetings: { type: 'array', items: { type: 'object' }, description: 'Events whose action-line list contains this id' }
              }
            }
          ]
        },
        StocktakingEntry: {
          type: 'object',
          properties: {
            id: STRING,
            title: STRING,
            lead_organisation: nullable('string'),
            stakeholder_type: nullable('string'),
            action_lines: stringList('Action line ids'),
            countries: stringList('ISO3 codes (empty for global)'),
            wsis_targets: { type: 'array', items: INTEGER },
            mdg_links: stringList('MDG goals or indicators'),
            status: nullable('string'),
            start_year: nullable('integer'),
            reported_year: nullable('integer', 'Year the source last reported the entry'),
            stakeholder_type_rule: nullable('string', 'Null when the source states the stakeholder type; otherwise the rule that derived it (derived, not stated)'),
            source: STRING
          }
        },
        StocktakingWarnings: {
          type: 'object',
          required: ['rules', 'total', 'limit', 'offset', 'data'],
          properties: {
            action_line: nullable('string'),
            as_of_year: nullable('integer', 'Year of the pipeline run the rules were applied in'),
            stale_after_years: { type: 'integer', description: 'Years without a report after which an entry is flagged not-updated' },
            rules: {
              type: 'array',
              items: { type: 'object', properties: { rule: STRING, description: STRING, entries: INTEGER } }
            },
            total: INTEGER,
            limit: INTEGER,
            offset: INTEGER,
            data: {
              type: 'array',
              items: {
                type: 'object',
                properties: { entry: STRING, title: STRING, rule: STRING, message: STRING, as_of_year: INTEGER }
              }
            }
          }
        },
        Participation: {
          type: 'object',
          properties: {
            event: STRING,
            measure: STRING,
            stakeholder_type: STRING,
            venue: STRING,
            count: INTEGER,
            note: nullable('string'),
            source: STRING
          }
        }
      }
    }
  };
}
