// Stakeholder type derived from an organisation's name, for lists that do not state it (the
// WSIS Prizes 2015 list has no such column). Explicit rules, tried in this order; the first
// that matches decides, and its id is stored with the entry (stakeholder_type_rule) so the
// type is shown as derived, never as stated. A name no rule matches stays 'not_stated':
// the rules are deliberately narrow (a "Commission" or an "Authority" can be national or
// international, so no rule uses those words alone).

export interface StakeholderRule {
  id: string;
  type: string;
  /** What the rule says, in words (shown on the pages and in the README). */
  description: string;
  /** The rule matches when any of these matches the name. */
  patterns: RegExp[];
}

export const STAKEHOLDER_RULES: StakeholderRule[] = [
  {
    id: 'ministry',
    type: 'government',
    description: 'The name contains "Ministry", "Ministerio", "Ministère" or "Ministre": a government ministry.',
    patterns: [/\b(ministry|ministerio|minist[eè]re|ministre|ministero)(?![a-z])/i]
  },
  {
    id: 'un-or-intergovernmental',
    type: 'international_organisation',
    description:
      'The name is or contains a United Nations body or a named intergovernmental organisation (United Nations, UN agencies by acronym: ITU, UNESCO, UNDP, UNICEF, UNCTAD, ECLAC, ESCWA, ESCAP, ECA, FAO, WHO, ILO; African Union; European Union; World Bank).',
    patterns: [/\b(ITU|UNESCO|UNDP|UNICEF|UNCTAD|ECLAC|ESCWA|ESCAP|UNECA|FAO|WHO|ILO)\b/, /\b(united nations|african union|european union|world bank)\b/i]
  },
  {
    id: 'university',
    type: 'academia',
    description: 'The name contains "University", "Universidad", "Université", "Università", "Universidade" or "Faculty"/"Facultad": a university.',
    patterns: [/\b(universit(y|ies|é|e|à|ät|a)|universidad|universidade|faculty|facultad)(?![a-z])/i]
  },
  {
    id: 'government-named',
    type: 'government',
    description:
      'The name contains "Government", "Gobierno", "Municipality", "Municipal", "Municipalidad", "City Council", "Presidency" or "Governorate": a government body.',
    patterns: [/\b(government|gobierno|municipality|municipal|municipalidad|city council|presidency|governorate)\b/i]
  },
  {
    id: 'company-suffix',
    type: 'private_sector',
    description: 'The name ends in a company form: Ltd, Limited, Inc, Corp, S.A., SpA, GmbH, PLC, LLC, Sp. z o.o., Co.: a company.',
    patterns: [/\b(ltd|limited|inc|corp|corporation|s\.a|spa|gmbh|plc|llc|sp\. z o\.o|co)\.?\s*$/i]
  },
  {
    id: 'foundation-association',
    type: 'civil_society',
    description: 'The name contains "Foundation", "Fundación", "Fundação", "Association", "Asociación" or "NGO": a non-governmental organisation.',
    patterns: [/\b(foundation|fundaci[oó]n|funda[cç][aã]o|association|asociaci[oó]n|NGO)(?![a-z])/i]
  }
];

export interface DerivedType {
  type: string;
  /** Null when no rule matched (type 'not_stated'). */
  rule: string | null;
}

export function deriveStakeholderType(organisation: string): DerivedType {
  for (const rule of STAKEHOLDER_RULES) if (rule.patterns.some((p) => p.test(organisation))) return { type: rule.type, rule: rule.id };
  return { type: 'not_stated', rule: null };
}
