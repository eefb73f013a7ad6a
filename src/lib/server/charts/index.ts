// Importing this module registers every chart definition (one module per subject).
import './all';
export { chartDefinition, chartCsvHref, defineChart } from './registry';
