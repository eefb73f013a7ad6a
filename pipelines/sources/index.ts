// The sources of a run, in dependency order: reference facts and the indicator catalog
// first (everything else is checked against them), then countries (World Bank, then M49,
// which updates and completes them), then indicator data (World Bank files, then API; ITU's Excel files) staged into the
// shared observation step, validated and published in one step after every source that
// stages observations, then the WSIS-specific sources.
import type { Source } from '../lib/context';
import type { Finisher } from '../run';
import { reference } from './reference';
import { worldbankCatalog, worldbankCountries, worldbankFiles } from './worldbank/sources';
import { observationsPublish } from '../observations';
import { m49 } from './m49';
import { worldbankApi } from './worldbank/api';
import { ituKeyIct, ituWtid } from './itu';
import { wsisMatrix } from './wsis-matrix';
import { meetings } from './meetings';
import { stocktaking } from './stocktaking';
import { exportsFinisher } from '../publish/exports';

export function allSources(): Source[] {
  return [
    reference,
    worldbankCatalog,
    worldbankCountries,
    m49,
    worldbankFiles,
    worldbankApi,
    ituKeyIct,
    ituWtid,
    observationsPublish,
    wsisMatrix,
    meetings,
    stocktaking
  ];
}

export function finishers(): Finisher[] {
  return [exportsFinisher];
}
