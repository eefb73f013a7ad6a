// The sources of a run, in dependency order: reference facts and the indicator catalog
// first (everything else is checked against them), then countries (World Bank, then M49,
// which updates and completes them), then indicator data (World Bank files, then API; ITU's Excel files) staged into the
// shared observation step, validated and published in one step after every source that
// stages observations (the World Bank, then the UN SDG database, UIS, the E-Government
// Survey, Global Data Lab, Common Crawl), then the comparison of the two 4.a.1 vintages, then
// the WSIS-specific sources.
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
import { unSdg } from './un-sdg';
import { uis } from './uis';
import { egov } from './egov';
import { gdl } from './gdl';
import { commoncrawl } from './commoncrawl';
import { reconcile4a1 } from './reconcile-4a1';

export function allSources(): Source[] {
  return [
    reference,
    worldbankCatalog,
    worldbankCountries,
    m49,
    worldbankFiles,
    worldbankApi,
    unSdg,
    uis,
    egov,
    gdl,
    commoncrawl,
    ituKeyIct,
    ituWtid,
    observationsPublish,
    reconcile4a1,
    wsisMatrix,
    meetings,
    stocktaking
  ];
}

export function finishers(): Finisher[] {
  return [exportsFinisher];
}
