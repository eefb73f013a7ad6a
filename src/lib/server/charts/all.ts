// One import per subject module; each calls defineChart for its charts.
import './targets';
import './action-lines';
import './stakeholders';
export {};
import './regions';
import './countries';
