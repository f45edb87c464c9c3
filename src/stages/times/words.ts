/*
 * Words the time finder looks for, as data. Origin: written for Dateline from general
 * knowledge of English news style (AP and Reuters month abbreviations, the phrases wire
 * copy uses for relative dates).
 */

/** Month names and abbreviations (lower case, no period) → month 1–12. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9],
  ['sept', 9], ['sep', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12],
  ['dec', 12],
]);

/** Month abbreviations: a date only with a day or year beside them ("Jan. 5"), never alone. */
export const MONTH_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/**
 * Months that are also common words or names ("May" the modal and Theresa May,
 * "March" the verb and "March Madness"): alone, they are a month only after a word
 * that introduces a time ("in May", "since March", "the end of May").
 */
export const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set(['may', 'march']);

/** Months that are also first names ("June Carter", "August Wilson"): not a month before a capitalised word. */
export const NAME_MONTHS: ReadonlySet<string> = new Set(['june', 'august', 'april']);

/** Words before "of" that make it introduce a time ("the end of May", "much of August"). */
export const PART_OF_PERIOD: ReadonlySet<string> = new Set([
  'end', 'beginning', 'start', 'middle', 'rest', 'half', 'part', 'month', 'much', 'most', 'all', 'first', 'last',
  'days', 'weeks', 'early', 'late', 'spring', 'summer', 'autumn', 'fall', 'winter', 'ides',
]);

/** Determiners before a year that names an event ("his 2018 run", "the 2016 United States election"). */
export const POSSESSIVES: ReadonlySet<string> = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);

/** Weekday names → 0 (Sunday) … 6 (Saturday), the numbering of `Date.getUTCDay`. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0], ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6],
]);

/** Capitalised words before a weekday that make it a named day, not a date ("Good Friday"). */
export const NAMED_DAY_PREFIXES: ReadonlySet<string> = new Set([
  'good', 'black', 'bloody', 'ash', 'holy', 'maundy', 'cyber', 'easter', 'palm', 'giving', 'whit', 'shrove',
]);

/** Parts of the day a time expression may end with ("Friday night", "yesterday morning"). */
export const PARTS_OF_DAY: ReadonlySet<string> = new Set(['morning', 'afternoon', 'evening', 'night', 'overnight']);

/** Words that open a time ("in 2001", "since March", "early June"). */
export const TIME_INTRODUCERS: ReadonlySet<string> = new Set([
  'in', 'on', 'since', 'by', 'until', 'till', 'from', 'through', 'throughout', 'during', 'before', 'after',
  'between', 'early', 'late', 'mid', 'last', 'next', 'this', 'to', 'and', 'or', 'circa', 'year', 'spring',
  'summer', 'autumn', 'fall', 'winter', 'starting', 'beginning', 'ending',
]);

/** Nouns after a year that make it a year ("the 2001 election", "2022 World Cup"). */
export const YEAR_NOUNS: ReadonlySet<string> = new Set([
  'election', 'elections', 'census', 'season', 'budget', 'olympics', 'olympic', 'world', 'games', 'referendum',
  'campaign', 'general', 'presidential', 'midterm', 'midterms', 'edition', 'survey', 'report', 'tournament',
  'championship', 'championships', 'final', 'finals', 'cup', 'festival', 'fiscal', 'financial', 'model',
  'primary', 'primaries', 'race', 'vote', 'attack', 'attacks', 'coup', 'war', 'invasion', 'crisis', 'summit',
  'law', 'act', 'agreement', 'deal', 'accord', 'treaty', 'protests', 'uprising', 'earthquake', 'floods',
]);

/** Number words for "two days ago". */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['fifteen', 15], ['twenty', 20],
  ['thirty', 30], ['fifty', 50], ['hundred', 100],
]);

/** Vague amounts: "a few days ago" is relative but has no single date. */
export const VAGUE_AMOUNTS: ReadonlySet<string> = new Set(['few', 'several', 'many', 'couple']);

export type CalendarUnit = 'day' | 'week' | 'month' | 'year';

/** Unit nouns, singular and plural. */
export const UNITS: ReadonlyMap<string, CalendarUnit> = new Map([
  ['day', 'day'], ['days', 'day'], ['week', 'week'], ['weeks', 'week'], ['month', 'month'], ['months', 'month'],
  ['year', 'year'], ['years', 'year'],
]);

/** Words that put what follows in the future ("will meet on Friday", "is due to vote in March"). */
export const FUTURE_MARKERS: ReadonlySet<string> = new Set([
  'will', "'ll", '’ll', 'shall', 'would', 'wo', 'may', 'might', 'scheduled', 'slated', 'set', 'due', 'expected', 'plans', 'plan',
  'planned', 'planning', 'upcoming', 'going', 'gonna', 'intends', 'hopes', 'aims', 'next', 'coming',
]);

/** Words that put a clause in the past, beyond the regular "-ed" forms. */
export const PAST_MARKERS: ReadonlySet<string> = new Set([
  'said', 'told', 'was', 'were', 'had', 'did', 'met', 'went', 'came', 'took', 'gave', 'made', 'saw', 'held',
  'left', 'began', 'won', 'lost', 'sent', 'spoke', 'wrote', 'became', 'found', 'struck', 'fell', 'rose', 'led',
  'fled', 'brought', 'bought', 'caught', 'fought', 'thought', 'knew', 'grew', 'flew', 'drew', 'threw', 'ran',
  'shot', 'stood', 'sat', 'paid', 'laid', 'kept', 'slept', 'felt', 'meant', 'spent', 'built', 'broke', 'chose',
  'froze', 'stole', 'woke', 'wore', 'tore', 'swore', 'drove', 'rode', 'hid', 'bit', 'dug', 'ago',
  'earlier', 'last', 'yesterday',
]);

/** "-ed" words that are not past events ("need", "speed", "red", "bed", "seed", "hundred"). */
export const NOT_PAST_ED: ReadonlySet<string> = new Set([
  'need', 'speed', 'red', 'bed', 'seed', 'feed', 'shed', 'hundred', 'indeed', 'breed', 'greed',
  'creed', 'weed', 'proceed', 'succeed', 'exceed', 'wed', 'shred', 'sled', 'embed',
]);
