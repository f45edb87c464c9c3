/**
 * Country adjectives and demonyms ("Russian", "Chinese", "Britons") with the country they
 * name, spelt as `COUNTRIES` in countries.ts spells it. Regional adjectives ("Western",
 * "Asian", "European") name no country and are not here. Origin: written for Dateline
 * from general knowledge.
 */

/** Adjective (singular demonym) → country. Plurals are derived in `DEMONYMS`. */
const ADJECTIVES: Readonly<Record<string, string>> = {
  Afghan: 'Afghanistan', Albanian: 'Albania', Algerian: 'Algeria', American: 'United States',
  Angolan: 'Angola', Argentine: 'Argentina', Argentinian: 'Argentina', Armenian: 'Armenia',
  Australian: 'Australia', Austrian: 'Austria', Azerbaijani: 'Azerbaijan', Azeri: 'Azerbaijan',
  Bahraini: 'Bahrain', Bangladeshi: 'Bangladesh', Belarusian: 'Belarus', Belarussian: 'Belarus', Byelorussian: 'Belarus', Belgian: 'Belgium',
  Bolivian: 'Bolivia', Bosnian: 'Bosnia and Herzegovina', Brazilian: 'Brazil', British: 'United Kingdom',
  Bulgarian: 'Bulgaria', Burmese: 'Myanmar', Burundian: 'Burundi', Cambodian: 'Cambodia',
  Cameroonian: 'Cameroon', Canadian: 'Canada', Chadian: 'Chad', Chilean: 'Chile', Chinese: 'China',
  Colombian: 'Colombia', Congolese: 'Democratic Republic of the Congo', 'Costa Rican': 'Costa Rica',
  Croatian: 'Croatia', Cuban: 'Cuba', Cypriot: 'Cyprus', Czech: 'Czech Republic', Danish: 'Denmark',
  Dominican: 'Dominican Republic', Dutch: 'Netherlands', Ecuadorian: 'Ecuador', Egyptian: 'Egypt',
  Emirati: 'United Arab Emirates', English: 'England', Eritrean: 'Eritrea', Estonian: 'Estonia',
  Ethiopian: 'Ethiopia', Fijian: 'Fiji', Filipino: 'Philippines', Finnish: 'Finland', French: 'France',
  Gabonese: 'Gabon', Gambian: 'Gambia', Georgian: 'Georgia', German: 'Germany', Ghanaian: 'Ghana',
  Greek: 'Greece', Guatemalan: 'Guatemala', Guinean: 'Guinea', Haitian: 'Haiti', Honduran: 'Honduras',
  Hungarian: 'Hungary', Icelandic: 'Iceland', Indian: 'India', Indonesian: 'Indonesia', Iranian: 'Iran',
  Iraqi: 'Iraq', Irish: 'Ireland', Israeli: 'Israel', Italian: 'Italy', Ivorian: "Cote d'Ivoire",
  Jamaican: 'Jamaica', Japanese: 'Japan', Jordanian: 'Jordan', Kazakh: 'Kazakhstan',
  Kazakhstani: 'Kazakhstan', Kenyan: 'Kenya', Kosovar: 'Kosovo', Kuwaiti: 'Kuwait', Kyrgyz: 'Kyrgyzstan',
  Kyrgyzstani: 'Kyrgyzstan', Lao: 'Laos', Laotian: 'Laos', Latvian: 'Latvia', Lebanese: 'Lebanon',
  Liberian: 'Liberia', Libyan: 'Libya', Lithuanian: 'Lithuania', Luxembourgish: 'Luxembourg',
  Macedonian: 'North Macedonia', Malagasy: 'Madagascar', Malawian: 'Malawi', Malaysian: 'Malaysia',
  Malian: 'Mali', Maltese: 'Malta', Mauritanian: 'Mauritania', Mexican: 'Mexico', Moldovan: 'Moldova',
  Mongolian: 'Mongolia', Montenegrin: 'Montenegro', Moroccan: 'Morocco', Mozambican: 'Mozambique',
  Namibian: 'Namibia', Nepalese: 'Nepal', Nepali: 'Nepal', Nicaraguan: 'Nicaragua', Nigerian: 'Nigeria',
  Nigerien: 'Niger', 'North Korean': 'North Korea', Norwegian: 'Norway', Omani: 'Oman',
  Pakistani: 'Pakistan', Palestinian: 'Palestine', Panamanian: 'Panama', Paraguayan: 'Paraguay',
  Peruvian: 'Peru', Philippine: 'Philippines', Polish: 'Poland', Portuguese: 'Portugal', Qatari: 'Qatar',
  Romanian: 'Romania', Russian: 'Russia', Rwandan: 'Rwanda', Salvadoran: 'El Salvador', Saudi: 'Saudi Arabia',
  Scottish: 'Scotland', Senegalese: 'Senegal', Serbian: 'Serbia', Singaporean: 'Singapore',
  Slovak: 'Slovakia', Slovenian: 'Slovenia', Somali: 'Somalia', 'South African': 'South Africa',
  'South Korean': 'South Korea', 'South Sudanese': 'South Sudan', Spanish: 'Spain', 'Sri Lankan': 'Sri Lanka',
  Sudanese: 'Sudan', Swedish: 'Sweden', Swiss: 'Switzerland', Syrian: 'Syria', Taiwanese: 'Taiwan',
  Tajik: 'Tajikistan', Tajikistani: 'Tajikistan', Tanzanian: 'Tanzania', Thai: 'Thailand', Tibetan: 'Tibet',
  Togolese: 'Togo', Tunisian: 'Tunisia', Turkish: 'Turkey', Turkmen: 'Turkmenistan', Ugandan: 'Uganda',
  Ukrainian: 'Ukraine', Uruguayan: 'Uruguay', Uzbek: 'Uzbekistan', Uzbekistani: 'Uzbekistan',
  Venezuelan: 'Venezuela', Vietnamese: 'Vietnam', Welsh: 'Wales', Yemeni: 'Yemen', Zambian: 'Zambia',
  Zimbabwean: 'Zimbabwe', Soviet: 'Soviet Union', Kashmiri: 'Kashmir',
};

/** Nouns for a country's people whose plural is not the adjective plus "s". */
const PEOPLE_NOUNS: Readonly<Record<string, string>> = {
  Briton: 'United Kingdom', Britons: 'United Kingdom', Brit: 'United Kingdom', Brits: 'United Kingdom',
  Dane: 'Denmark', Danes: 'Denmark', Finn: 'Finland', Finns: 'Finland', Pole: 'Poland', Poles: 'Poland',
  Swede: 'Sweden', Swedes: 'Sweden', Turk: 'Turkey', Turks: 'Turkey', Scot: 'Scotland', Scots: 'Scotland',
  Filipinos: 'Philippines', Greeks: 'Greece', Czechs: 'Czech Republic', Serb: 'Serbia', Serbs: 'Serbia',
  Croat: 'Croatia', Croats: 'Croatia', Slovaks: 'Slovakia', Kazakhs: 'Kazakhstan', Uzbeks: 'Uzbekistan',
  Tajiks: 'Tajikistan', Afghans: 'Afghanistan', Thais: 'Thailand', Kiwi: 'New Zealand', Kiwis: 'New Zealand',
  Frenchman: 'France', Frenchmen: 'France', Englishman: 'England', Irishman: 'Ireland',
  Dutchman: 'Netherlands', Welshman: 'Wales', Scotsman: 'Scotland', Saudis: 'Saudi Arabia',
};

function withPlurals(): Record<string, string> {
  const out: Record<string, string> = { ...ADJECTIVES, ...PEOPLE_NOUNS };
  for (const [word, country] of Object.entries(ADJECTIVES)) {
    // "Russians", "Israelis"; "Chinese", "Swiss", "British" have no -s plural.
    if (/(an|i)$/.test(word) && out[`${word}s`] === undefined) out[`${word}s`] = country;
  }
  return out;
}

/** Demonym or country adjective as written (capitalised) → country. */
export const DEMONYMS: Readonly<Record<string, string>> = withPlurals();
