// One import per subject module; each calls defineChart for its charts.
import './targets';
export {};
import './regions';
import './countries';
