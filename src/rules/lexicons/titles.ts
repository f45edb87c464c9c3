/**
 * Titles and roles that news text attaches to people ("Russian President Vladimir Putin",
 * "Antony Blinken, the US secretary of state", "the Chinese leader"). All entries are in
 * lower case, words separated by one space. Origin: written for Dateline from general
 * knowledge of English news style.
 */

/**
 * Nouns that name a role on their own (the head of a title phrase), singular only: a
 * plural ("the leaders of …") never refers to one person.
 */
export const TITLE_HEADS: readonly string[] = [
  // Heads of state and government
  'president', 'president-elect', 'vice president', 'vice-president', 'prime minister', 'premier', 'chancellor',
  'leader', 'supreme leader', 'king', 'queen', 'prince', 'princess', 'crown prince', 'emperor', 'empress',
  'monarch', 'sultan', 'emir', 'sheikh', 'pope', 'ayatollah', 'dictator', 'ruler', 'head of state',
  'head of government', 'taoiseach', 'first minister', 'chief minister', 'first lady',
  // Ministers and officials
  'minister', 'secretary', 'secretary of state', 'secretary-general', 'secretary general', 'general secretary',
  'foreign secretary', 'home secretary', 'press secretary', 'attorney general', 'attorney-general',
  'chief of staff', 'ambassador', 'envoy', 'diplomat', 'official', 'spokesman', 'spokeswoman',
  'spokesperson', 'adviser', 'advisor', 'aide', 'commissioner', 'governor', 'lieutenant governor', 'mayor',
  'senator', 'representative', 'congressman', 'congresswoman', 'lawmaker', 'legislator', 'mp', 'mep',
  'member of parliament', 'member of congress',
  'speaker', 'chief whip', 'whip', 'deputy', 'director', 'director-general', 'director general',
  'administrator', 'inspector general', 'ombudsman', 'regulator', 'chief justice', 'justice', 'judge',
  'magistrate', 'prosecutor', 'chief prosecutor', 'sheriff', 'police chief', 'chief constable',
  'postmaster general', 'surgeon general', 'solicitor general', 'auditor general', 'governor general',
  'governor-general', 'comptroller', 'treasurer', 'registrar', 'clerk',
  // Armed forces and police
  'general', 'admiral', 'colonel', 'lieutenant colonel', 'major', 'captain', 'lieutenant', 'commander',
  'commander-in-chief', 'sergeant', 'officer', 'marshal', 'field marshal', 'brigadier', 'inspector',
  'superintendent', 'detective', 'chief of police',
  // Business, institutions, public life
  'ceo', 'chief executive', 'chief executive officer', 'cfo', 'chief financial officer', 'coo',
  'chairman', 'chairwoman', 'chairperson', 'chair', 'vice chairman', 'managing director', 'executive',
  'founder', 'co-founder', 'owner', 'president and ceo', 'chief economist', 'economist', 'analyst',
  'strategist', 'editor', 'editor-in-chief', 'publisher', 'professor', 'scientist', 'researcher',
  'chief scientist', 'dean', 'rector', 'principal', 'headteacher', 'coach', 'head coach', 'manager',
  'striker', 'goalkeeper', 'candidate', 'nominee', 'challenger', 'incumbent', 'activist', 'campaigner',
  'archbishop', 'bishop', 'cardinal', 'rabbi', 'imam', 'cleric', 'chief rabbi',
];

/**
 * Words that may stand before a title head inside a title phrase ("former", "Deputy",
 * "Foreign", "Defence", "Senate Majority"). A phrase needs a head: these alone are no role.
 */
export const TITLE_MODIFIERS: readonly string[] = [
  'former', 'ex', 'ex-', 'then', 'then-', 'current', 'acting', 'interim', 'caretaker', 'outgoing', 'incoming', 'new',
  'newly elected', 'elected', 'longtime', 'long-time', 'veteran', 'retired', 'late', 'de facto', 'top',
  'senior', 'junior', 'chief', 'deputy', 'vice', 'assistant', 'associate', 'executive', 'managing',
  'principal', 'first', 'second', 'joint', 'co', 'prime', 'foreign', 'defence', 'defense', 'finance',
  'interior', 'home', 'health', 'trade', 'economy', 'economic', 'education', 'justice', 'environment',
  'energy', 'agriculture', 'transport', 'transportation', 'culture', 'labour', 'labor', 'treasury',
  'commerce', 'industry', 'security', 'intelligence', 'information', 'communications', 'emergencies',
  'emergency', 'housing', 'immigration', 'tourism', 'sports', 'science', 'technology', 'digital',
  'climate', 'state', 'federal', 'national', 'regional', 'provincial', 'local', 'city', 'county',
  'party', 'opposition', 'ruling', 'military', 'army', 'navy', 'naval', 'air force', 'police', 'press',
  'presidential', 'government', 'cabinet', 'ministry', 'foreign ministry', 'white house', 'senate',
  'house', 'majority', 'minority', 'supreme', 'spiritual', 'communist', 'democratic', 'republican',
  'conservative', 'liberal', 'socialist', 'independent', 'separatist', 'rebel', 'union', 'team',
  'club', 'company', 'group', 'bank', 'central bank', 'fund', 'campaign', 'election', 'parliamentary',
  'legislative', 'congressional', 'special', 'general', 'high', 'lord', 'crown', 'royal', 'u.n.', 'un',
  'eu', 'nato', 'world', 'global', 'international', 'western', 'eastern', 'northern', 'southern',
];

/** Title abbreviations written before a name, with the head they stand for. */
export const TITLE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'gen.': 'general',
  'lt. gen.': 'general',
  'maj. gen.': 'general',
  'brig. gen.': 'general',
  'sen.': 'senator',
  'rep.': 'representative',
  'gov.': 'governor',
  'lt. gov.': 'lieutenant governor',
  'pres.': 'president',
  'col.': 'colonel',
  'lt. col.': 'lieutenant colonel',
  'lt.': 'lieutenant',
  'capt.': 'captain',
  'cmdr.': 'commander',
  'adm.': 'admiral',
  'maj.': 'major',
  'sgt.': 'sergeant',
  'supt.': 'superintendent',
  'insp.': 'inspector',
  'det.': 'detective',
  'prof.': 'professor',
  'amb.': 'ambassador',
  'sec.': 'secretary',
  'atty. gen.': 'attorney general',
};

/**
 * Forms of address. They say how a person is addressed, not what they do, so they are
 * never roles; some tell the person's gender.
 */
export const HONORIFICS: Readonly<Record<string, 'male' | 'female' | undefined>> = {
  'mr.': 'male',
  mr: 'male',
  'mrs.': 'female',
  mrs: 'female',
  'ms.': 'female',
  ms: 'female',
  miss: 'female',
  'dr.': undefined,
  dr: undefined,
  sir: 'male',
  dame: 'female',
  lord: 'male',
  lady: 'female',
  'rev.': undefined,
  reverend: undefined,
  'mx.': undefined,
  cde: undefined, // "comrade", in Zimbabwean and South African usage
  'cde.': undefined,
};

/**
 * Heads for which "leader" is another word ("the Russian leader" for "Russian
 * President Vladimir Putin"): the people who lead a country, party or movement.
 */
export const LEADER_HEADS: readonly string[] = [
  'leader', 'supreme leader', 'president', 'prime minister', 'premier', 'chancellor', 'king', 'queen',
  'emperor', 'empress', 'monarch', 'sultan', 'emir', 'dictator', 'ruler', 'head of state',
  'head of government', 'taoiseach', 'first minister', 'chief minister', 'chairman', 'general secretary',
  'secretary-general', 'secretary general', 'ayatollah', 'pope', 'crown prince',
];

/** Title heads that tell a person's gender. */
export const GENDERED_HEADS: Readonly<Record<string, 'male' | 'female'>> = {
  spokesman: 'male',
  spokeswoman: 'female',
  chairman: 'male',
  chairwoman: 'female',
  congressman: 'male',
  congresswoman: 'female',
  king: 'male',
  queen: 'female',
  prince: 'male',
  princess: 'female',
  'crown prince': 'male',
  emperor: 'male',
  empress: 'female',
  sultan: 'male',
  emir: 'male',
  sheikh: 'male',
  pope: 'male',
  'first lady': 'female',
};
