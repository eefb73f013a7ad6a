import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where package.json and data/ are). */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared real-data mirror beside the repository (`../shared/data`), or WSIS_MIRROR. */
export const sharedMirror = process.env.WSIS_MIRROR ? resolve(process.env.WSIS_MIRROR) : resolve(projectRoot, '../shared/data');

/** The shared seeds (WSIS meeting reports) beside the repository. */
export const sharedSeeds = resolve(projectRoot, '../shared/seeds');
