// npm run stocktaking:check FILE [--json]
// A facilitator's check of a stocktaking file (CSV or JSON in data/stocktaking/schema.json)
// before sending it: every problem by row, field and reason, then a summary. Nothing is
// stored. Exit 0 when the file is valid, 1 when it is not, 2 when it cannot be read at all.
import { parseArgs } from 'node:util';
import { cliOptions } from './lib/cli-options';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { projectRoot } from './lib/paths';
import { readTemplate } from './sources/stocktaking/template';
import { checkFile, reportText } from './sources/stocktaking/check-file';

const HELP = `Check a stocktaking file against the template (data/stocktaking/schema.json).

Usage: npm run stocktaking:check -- FILE [--json]

  FILE     a .csv (UTF-8, header row) or .json (array of objects) export
  --json   print the report as JSON (Frictionless-style: valid, stats, errors)
Exit status: 0 valid, 1 invalid (the report lists every problem), 2 unreadable or bad usage.
`;

function main(): number {
  const { values, positionals } = parseArgs({ options: cliOptions([], ['json']), allowPositionals: true });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`Give exactly one file.\n\n${HELP}`);
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(positionals[0]);
  } catch (err) {
    process.stderr.write(`Cannot read ${positionals[0]}: ${(err as Error).message}\n`);
    return 2;
  }
  const template = readTemplate(projectRoot);
  const report = checkFile(basename(positionals[0]), bytes, template, { actionLines: template.actionLines, countries: null });
  process.stdout.write((values.json ? JSON.stringify(report, null, 2) : reportText(report)) + '\n');
  return report.valid ? 0 : 1;
}

process.exitCode = main();
