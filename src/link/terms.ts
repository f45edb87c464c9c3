/**
 * The words an article is about, as counts of terms: lower-cased, without the words every
 * article has ("the", "said"), with plurals folded into their singular (a light stemmer:
 * "talks" and "talk" are one term, "summit" and "summitry" stay two).
 */
export function addTermCounts(text: string, counts: Map<string, number>, weight = 1): Map<string, number> {
  for (const match of text.matchAll(WORD)) {
    const term = termOf(match[0]);
    if (term !== undefined) counts.set(term, (counts.get(term) ?? 0) + weight);
  }
  return counts;
}

const WORD = /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*/gu;

/** The term for a word, or undefined for a word that says nothing of what an article is about. */
export function termOf(word: string): string | undefined {
  let term = word.toLowerCase().replace(/['’]s$/u, '');
  if (term.length < 2 || STOP_WORDS.has(term) || /^[\d.,-]+$/u.test(term)) return undefined;
  term = singular(term);
  return STOP_WORDS.has(term) ? undefined : term;
}

/** Harman's S-stemmer: plural endings only, so that different words are never joined. */
function singular(term: string): string {
  if (term.length <= 3 || !term.endsWith('s')) return term;
  if (term.endsWith('ies') && !term.endsWith('eies') && !term.endsWith('aies')) return `${term.slice(0, -3)}y`;
  if (term.endsWith('es') && !term.endsWith('aes') && !term.endsWith('ees') && !term.endsWith('oes')) return term.slice(0, -1);
  if (term.endsWith('us') || term.endsWith('ss')) return term;
  return term.slice(0, -1);
}

/** Function words, and the words of reporting itself: in every story, they tell none apart. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost also although always am among an and another any are around as at be became because been before being
  below between both but by can could did do does doing done down during each either else ever every few for from further get gets got had has have having he
  her here hers herself him himself his how however i if in into is it its itself just last least less like made make many may me might more most much must my
  myself near neither never next no nor not now of off often on once one only or other our ours ourselves out over own per perhaps put rather same several
  she should since so some still such than that the their theirs them themselves then there these they this those though through thus to too toward
  towards under until up upon us very via was we were what whatever when where whether which while who whom whose why will with within without would yet
  you your yours yourself yourselves
  said say says saying told tell tells according added adds asked reported reporter reporters spokesman spokeswoman statement
  mr mrs ms dr new year years time times day days week weeks month months today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
  january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  people image images photo photos video videos getty reuters ap afp copyright rights reserved read more click share email
  two three four five six seven eight nine ten first second third well even back going go goes went come came take took way including include`
    .split(/\s+/u)
    .filter((word) => word.length > 0),
);
