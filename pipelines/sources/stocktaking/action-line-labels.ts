// Action-line labels as the ITU stocktaking and WSIS Prizes pages print them
// ("C7. ICT APPLICATIONS: E-GOVERNMENT", "C3. ACCESS TO INFORMATION AND KNOWLEDGE") -> the
// action-line ids of data/reference/action_lines.csv ("C7-e-government", "C3"). The rule is
// read off the label's own prefix, not a list of titles: "C<n>." gives C<n>, and for C7 the
// sub-line after "ICT APPLICATIONS:" gives C7-e-<name>. Anything else is not an action line.

const MAIN = /^C(1[01]|[1-9])\.\s/;
const C7_SUB = /^C7\.\s*ICT APPLICATIONS\s*:\s*E-([A-Z]+)\s*$/;

/** The action-line id of a printed label, or null when the label is not one. */
export function actionLineOfLabel(label: string): string | null {
  const text = label.trim().toUpperCase();
  const sub = C7_SUB.exec(text);
  if (sub) return `C7-e-${sub[1].toLowerCase()}`;
  const main = MAIN.exec(text);
  if (!main) return null;
  return main[1] === '7' ? 'C7' : `C${main[1]}`;
}
