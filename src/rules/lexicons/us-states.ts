/**
 * US states and territories with the abbreviations AP style uses in datelines
 * ("Fla.", "Calif.", "N.Y."), plus two-letter postal codes.
 * Origin: written for Dateline from general knowledge of the AP Stylebook's state
 * abbreviations (states with short names — Alaska, Hawaii, Idaho, Iowa, Maine, Ohio,
 * Texas, Utah — are spelled out in AP style and so have no abbreviation here).
 */
export interface UsState {
  readonly name: string;
  readonly ap?: readonly string[];
  readonly postal: string;
}

export const US_STATES: readonly UsState[] = [
  { name: 'Alabama', ap: ['Ala.'], postal: 'AL' },
  { name: 'Alaska', postal: 'AK' },
  { name: 'Arizona', ap: ['Ariz.'], postal: 'AZ' },
  { name: 'Arkansas', ap: ['Ark.'], postal: 'AR' },
  { name: 'California', ap: ['Calif.', 'Cal.'], postal: 'CA' },
  { name: 'Colorado', ap: ['Colo.'], postal: 'CO' },
  { name: 'Connecticut', ap: ['Conn.'], postal: 'CT' },
  { name: 'Delaware', ap: ['Del.'], postal: 'DE' },
  { name: 'District of Columbia', ap: ['D.C.', 'DC'], postal: 'DC' },
  { name: 'Florida', ap: ['Fla.'], postal: 'FL' },
  { name: 'Georgia', ap: ['Ga.'], postal: 'GA' },
  { name: 'Hawaii', postal: 'HI' },
  { name: 'Idaho', postal: 'ID' },
  { name: 'Illinois', ap: ['Ill.'], postal: 'IL' },
  { name: 'Indiana', ap: ['Ind.'], postal: 'IN' },
  { name: 'Iowa', postal: 'IA' },
  { name: 'Kansas', ap: ['Kan.', 'Kans.'], postal: 'KS' },
  { name: 'Kentucky', ap: ['Ky.'], postal: 'KY' },
  { name: 'Louisiana', ap: ['La.'], postal: 'LA' },
  { name: 'Maine', postal: 'ME' },
  { name: 'Maryland', ap: ['Md.'], postal: 'MD' },
  { name: 'Massachusetts', ap: ['Mass.'], postal: 'MA' },
  { name: 'Michigan', ap: ['Mich.'], postal: 'MI' },
  { name: 'Minnesota', ap: ['Minn.'], postal: 'MN' },
  { name: 'Mississippi', ap: ['Miss.'], postal: 'MS' },
  { name: 'Missouri', ap: ['Mo.'], postal: 'MO' },
  { name: 'Montana', ap: ['Mont.'], postal: 'MT' },
  { name: 'Nebraska', ap: ['Neb.', 'Nebr.'], postal: 'NE' },
  { name: 'Nevada', ap: ['Nev.'], postal: 'NV' },
  { name: 'New Hampshire', ap: ['N.H.'], postal: 'NH' },
  { name: 'New Jersey', ap: ['N.J.'], postal: 'NJ' },
  { name: 'New Mexico', ap: ['N.M.', 'N.Mex.'], postal: 'NM' },
  { name: 'New York', ap: ['N.Y.'], postal: 'NY' },
  { name: 'North Carolina', ap: ['N.C.'], postal: 'NC' },
  { name: 'North Dakota', ap: ['N.D.', 'N.Dak.'], postal: 'ND' },
  { name: 'Ohio', postal: 'OH' },
  { name: 'Oklahoma', ap: ['Okla.'], postal: 'OK' },
  { name: 'Oregon', ap: ['Ore.', 'Oreg.'], postal: 'OR' },
  { name: 'Pennsylvania', ap: ['Pa.', 'Penn.'], postal: 'PA' },
  { name: 'Rhode Island', ap: ['R.I.'], postal: 'RI' },
  { name: 'South Carolina', ap: ['S.C.'], postal: 'SC' },
  { name: 'South Dakota', ap: ['S.D.', 'S.Dak.'], postal: 'SD' },
  { name: 'Tennessee', ap: ['Tenn.'], postal: 'TN' },
  { name: 'Texas', postal: 'TX' },
  { name: 'Utah', postal: 'UT' },
  { name: 'Vermont', ap: ['Vt.'], postal: 'VT' },
  { name: 'Virginia', ap: ['Va.'], postal: 'VA' },
  { name: 'Washington', ap: ['Wash.'], postal: 'WA' },
  { name: 'West Virginia', ap: ['W.Va.', 'W. Va.'], postal: 'WV' },
  { name: 'Wisconsin', ap: ['Wis.', 'Wisc.'], postal: 'WI' },
  { name: 'Wyoming', ap: ['Wyo.'], postal: 'WY' },
  { name: 'Puerto Rico', ap: ['P.R.'], postal: 'PR' },
  { name: 'Guam', postal: 'GU' },
  { name: 'U.S. Virgin Islands', ap: ['V.I.'], postal: 'VI' },
];

/**
 * Canadian provinces and territories (datelined like US states: "TORONTO, Ont.").
 * Origin: written for Dateline from general knowledge of Canadian Press style.
 */
export const CANADIAN_PROVINCES: readonly UsState[] = [
  { name: 'Alberta', ap: ['Alta.'], postal: 'AB' },
  { name: 'British Columbia', ap: ['B.C.'], postal: 'BC' },
  { name: 'Manitoba', ap: ['Man.'], postal: 'MB' },
  { name: 'New Brunswick', ap: ['N.B.'], postal: 'NB' },
  { name: 'Newfoundland and Labrador', ap: ['N.L.', 'Nfld.'], postal: 'NL' },
  { name: 'Nova Scotia', ap: ['N.S.'], postal: 'NS' },
  { name: 'Ontario', ap: ['Ont.'], postal: 'ON' },
  { name: 'Prince Edward Island', ap: ['P.E.I.'], postal: 'PE' },
  { name: 'Quebec', ap: ['Que.'], postal: 'QC' },
  { name: 'Saskatchewan', ap: ['Sask.'], postal: 'SK' },
  { name: 'Northwest Territories', ap: ['N.W.T.'], postal: 'NT' },
  { name: 'Nunavut', postal: 'NU' },
  { name: 'Yukon', postal: 'YT' },
];
