import { describe, expect, it } from 'vitest';
import { TABLES } from '../../../../pipelines/schema';
import { citation, dataCredit } from './citation';
import { EXPORT_FILES, isExportFile, contentType } from './export-files';

describe('citation', () => {
  it('credits every published table', () => {
    for (const t of TABLES.filter((t) => t.published)) expect(dataCredit(t.name), t.name).toBeTruthy();
    expect(() => dataCredit('build_info')).toThrow('no credit for table: build_info');
  });
  it('names the build, the table, the publishers and the file', () => {
    expect(citation({ runId: 'R1', builtAt: '2026-11-23 09:13:09', table: 'observation', url: 'https://h/data/download/observation.csv' })).toBe(
      'WSIS progress monitor (build R1, 2026-11-23), table observation. Data: World Bank, World Development Indicators (CC BY 4.0); ICT series produced by ITU (World Telecommunication/ICT Indicators Database); ITU World Telecommunication/ICT Indicators database and key ICT indicators (ITU: free of charge with ITU cited as source); UN Statistics Division, SDG Global Database (series of ITU and UNESCO UIS; UN terms, via the open-numbers DDF copy, CC BY 4.0); UNESCO UIS.Stat; UN DESA, United Nations E-Government Survey (free with attribution); Global Data Lab, Area Database (free with citation); Common Crawl crawl statistics (Common Crawl terms of use). https://h/data/download/observation.csv'
    );
  });
});

describe('export files', () => {
  it('lists three formats per published table plus the descriptor and the zip', () => {
    const published = TABLES.filter((t) => t.published).length;
    expect(EXPORT_FILES.length).toBe(published * 3 + 2);
    expect(isExportFile('observation.parquet')).toBe(true);
    expect(isExportFile('datapackage.json')).toBe(true);
    expect(isExportFile('wsis-data.zip')).toBe(true);
  });
  it('refuses anything else, including the unpublished build_info and paths', () => {
    for (const bad of ['build_info.csv', '../wsis.duckdb', 'observation.csv/..', 'OBSERVATION.CSV', 'observation.xlsx', '']) {
      expect(isExportFile(bad), bad).toBe(false);
    }
  });
  it('gives each kind its content type', () => {
    expect(contentType('a.parquet')).toBe('application/vnd.apache.parquet');
    expect(contentType('a.csv')).toBe('text/csv; charset=utf-8');
    expect(contentType('wsis-data.zip')).toBe('application/zip');
  });
});
