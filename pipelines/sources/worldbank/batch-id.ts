// Batch identifiers: one batch per indicator per input, named so a reader can tell what it is.
export function batchId(code: string, vintage: string | null, checksum: string): string {
  return `${code || '(none)'}@${vintage ?? 'undated'}#${checksum.slice(0, 8)}`;
}

/** Citation text for a batch read from a mirror file. */
export function fileCitation(file: string, vintage: string | null): string {
  return `World Bank, World Development Indicators (CC BY 4.0), file ${file}, Last Updated ${vintage ?? 'not stated'}`;
}
