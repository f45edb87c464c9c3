/*
 * Word lists for attribution: speech and belief verbs (every inflection spelt out, so a
 * lookup is one Map hit), words that may sit between a subject and its verb, pronouns
 * and the title words that precede a name.
 */

import type { QuoteAct } from '../../doc/annotations.js';

/** How a cue verb behaves. */
export interface CueVerb {
  readonly lemma: string;
  /** What the verb reports: speech (said, told), a stance, a belief or finding (believes, found), an intention or decision. */
  readonly act: QuoteAct;
  /** Takes a person as object before the reported clause ("told reporters that"). */
  readonly takesObject: boolean;
}

// lemma: [forms (past, 3rd person, -ing, participle…), speech?, takes an object?]
const VERBS: readonly [string, readonly string[], boolean, boolean][] = [
  ['say', ['say', 'said', 'says', 'saying'], true, false],
  ['tell', ['tell', 'told', 'tells', 'telling'], true, true],
  ['add', ['add', 'added', 'adds', 'adding'], true, false],
  ['ask', ['ask', 'asked', 'asks', 'asking'], true, true],
  ['warn', ['warn', 'warned', 'warns', 'warning'], true, true],
  ['insist', ['insist', 'insisted', 'insists', 'insisting'], true, false],
  ['note', ['noted', 'notes', 'noting'], true, false],
  ['write', ['wrote', 'writes', 'writing', 'written'], true, false],
  ['tweet', ['tweeted', 'tweets', 'tweeting'], true, false],
  ['post', ['posted'], true, false],
  ['state', ['stated', 'states'], true, false],
  ['declare', ['declare', 'declared', 'declares', 'declaring'], true, false],
  ['announce', ['announce', 'announced', 'announces', 'announcing'], true, false],
  ['explain', ['explain', 'explained', 'explains', 'explaining'], true, false],
  ['argue', ['argue', 'argued', 'argues', 'arguing'], true, false],
  ['claim', ['claim', 'claimed', 'claims', 'claiming'], true, false],
  ['contend', ['contend', 'contended', 'contends'], true, false],
  ['assert', ['assert', 'asserted', 'asserts', 'asserting'], true, false],
  ['maintain', ['maintained', 'maintains'], true, false],
  ['acknowledge', ['acknowledge', 'acknowledged', 'acknowledges', 'acknowledging'], true, false],
  ['recognize', ['recognized', 'recognizes', 'recognised', 'recognises'], true, false],
  // Only the past: "rules" is mostly the noun ("new rules that take effect").
  ['rule', ['ruled'], true, false],
  ['admit', ['admit', 'admitted', 'admits', 'admitting'], true, false],
  ['concede', ['concede', 'conceded', 'concedes'], true, false],
  ['complain', ['complain', 'complained', 'complains', 'complaining'], true, false],
  ['suggest', ['suggest', 'suggested', 'suggests', 'suggesting'], true, false],
  ['recall', ['recall', 'recalled', 'recalls', 'recalling'], true, false],
  ['reply', ['replied', 'replies'], true, false],
  ['respond', ['responded', 'responds'], true, false],
  ['continue', ['continued', 'continues'], true, false],
  ['conclude', ['conclude', 'concluded', 'concludes'], true, false],
  ['press', ['pressed'], true, false],
  ['demand', ['demanded', 'demands'], true, false],
  ['mock', ['mocked', 'mocks'], true, false],
  ['interject', ['interjected'], true, false],
  ['scream', ['screamed', 'screaming'], true, false],
  ['observe', ['observed', 'observes'], true, false],
  ['remark', ['remarked'], true, false],
  ['comment', ['commented', 'comments'], true, false],
  ['emphasize', ['emphasized', 'emphasised', 'emphasizes', 'emphasises', 'emphasizing'], true, false],
  ['stress', ['stressed', 'stresses'], true, false],
  ['predict', ['predict', 'predicted', 'predicts', 'predicting'], true, false],
  ['promise', ['promise', 'promised', 'promises', 'promising'], true, false],
  ['vow', ['vow', 'vowed', 'vows', 'vowing'], true, false],
  ['pledge', ['pledged', 'pledges'], true, false],
  ['urge', ['urged', 'urges', 'urging'], true, true],
  ['caution', ['cautioned', 'cautions'], true, false],
  ['allege', ['allege', 'alleged', 'alleges', 'alleging'], true, false],
  ['report', ['reported', 'reports', 'reporting'], true, false],
  ['confirm', ['confirm', 'confirmed', 'confirms', 'confirming'], true, false],
  ['deny', ['deny', 'denied', 'denies', 'denying'], true, false],
  ['testify', ['testified', 'testifies'], true, false],
  ['joke', ['joked', 'jokes', 'joking'], true, false],
  ['quip', ['quipped'], true, false],
  ['shout', ['shouted', 'shouting'], true, false],
  ['yell', ['yelled', 'yelling'], true, false],
  ['exclaim', ['exclaimed'], true, false],
  ['boast', ['boasted', 'boasts'], true, false],
  ['brag', ['bragged', 'brags'], true, false],
  ['lament', ['lamented', 'laments'], true, false],
  ['muse', ['mused'], true, false],
  ['scoff', ['scoffed'], true, false],
  ['counter', ['countered'], true, false],
  ['reiterate', ['reiterated', 'reiterates'], true, false],
  ['mention', ['mentioned'], true, false],
  ['describe', ['described', 'describes'], true, false],
  ['call', ['called', 'calls', 'calling'], true, false],
  ['read', ['read', 'reads'], true, false],
  ['answer', ['answered', 'answers'], true, false],
  ['retort', ['retorted', 'retorts'], true, false],
  ['proclaim', ['proclaimed', 'proclaims', 'proclaiming'], true, false],
  ['chant', ['chanted', 'chanting'], true, false],
  ['confess', ['confessed', 'confesses'], true, false],
  ['charge', ['charged'], true, false],
  ['dub', ['dubbed'], true, false],
  ['label', ['labeled', 'labelled', 'labeling', 'labelling'], true, false],
  ['point out', ['pointed', 'points', 'pointing'], true, false],
  ['shoot back', ['shot', 'shoots'], true, false],
  ['fire back', ['fired', 'fires'], true, false],
  ['hit back', ['hit', 'hits'], true, false],
  ['go on', ['went', 'goes'], true, false],
  ['put it', ['put', 'puts'], true, false],
  ['weigh in', ['weighed', 'weighs'], true, false],
  ['recommend', ['recommend', 'recommends', 'recommended', 'recommending'], true, false],
  ['advise', ['advises', 'advised', 'advising'], true, true],
  ['highlight', ['highlights', 'highlighted', 'highlighting'], true, false],
  ['echo', ['echoed', 'echoes'], true, false],
  ['reveal', ['revealed', 'reveals'], true, false],
  ['indicate', ['indicated', 'indicates'], true, false],
  ['signal', ['signaled', 'signalled', 'signals'], true, false],
  ['threaten', ['threatened', 'threatens'], true, false],
  ['want', ['want', 'wants', 'wanted'], false, false],
  ['plan', ['plan', 'plans', 'planned'], false, false],
  ['intend', ['intend', 'intends', 'intended'], false, false],
  ['seek', ['seek', 'seeks', 'sought'], false, false],
  ['refuse', ['refused', 'refuses'], true, false],
  ['decline', ['declined', 'declines'], true, false],
  ['cite', ['cited', 'cites', 'citing'], true, false],
  ['criticize', ['criticized', 'criticised', 'criticizes', 'criticises', 'criticizing'], false, false],
  ['attack', ['attacked', 'attacks', 'attacking'], false, false],
  ['blast', ['blasted', 'blasts', 'blasting'], false, false],
  ['slam', ['slammed', 'slams', 'slamming'], false, false],
  ['condemn', ['condemned', 'condemns', 'condemning'], false, false],
  ['praise', ['praised', 'praises', 'praising'], false, false],
  ['defend', ['defended', 'defends', 'defending'], false, false],
  ['accuse', ['accused', 'accuses', 'accusing'], false, false],
  ['endorse', ['endorsed', 'endorses', 'endorsing'], false, false],
  ['question', ['questioned', 'questions', 'questioning'], false, false],
  ['believe', ['believe', 'believed', 'believes'], false, false],
  ['think', ['think', 'thought', 'thinks'], false, false],
  ['hope', ['hopes', 'hoped'], false, false],
  ['fear', ['fear', 'feared', 'fears'], false, false],
  ['expect', ['expect', 'expected', 'expects'], false, false],
  ['worry', ['worry', 'worried', 'worries'], false, false],
  ['know', ['know', 'knew', 'knows'], false, false],
  ['feel', ['feel', 'felt', 'feels'], false, false],
  ['estimate', ['estimated', 'estimates'], false, false],
  ['find', ['found', 'finds'], false, false],
  ['show', ['showed', 'shows', 'shown'], false, false],
  ['learn', ['learned', 'learnt'], false, false],
  ['agree', ['agreed', 'agrees'], false, false],
];

/** Verbs that are not speech: a stance taken ("criticized"), or an intention or decision ("plans to"); the other non-speech verbs report beliefs and findings. */
const STANCE_LEMMAS = new Set('criticize attack blast slam condemn praise defend accuse endorse question'.split(' '));
const INTENTION_LEMMAS = new Set('want plan intend seek'.split(' '));

function actOf(lemma: string, speech: boolean): QuoteAct {
  if (speech) return 'speech';
  if (STANCE_LEMMAS.has(lemma)) return 'stance';
  return INTENTION_LEMMAS.has(lemma) ? 'intention' : 'belief';
}

export const CUE_VERBS: ReadonlyMap<string, CueVerb> = new Map(
  VERBS.flatMap(([lemma, forms, speech, takesObject]) =>
    forms.map((form) => [form, { lemma, act: actOf(lemma, speech), takesObject }] as const),
  ),
);

/**
 * For each pair of first letters, a bit per length of the cue verbs' forms: most words of
 * a text are ruled out by one array read, without hashing them for a map lookup (that
 * hashing was the largest single cost of finding a block's cues).
 */
const CUE_LENGTHS_BY_OPENING = new Uint32Array(26 * 26);
const openingIndex = (first: number, second: number): number =>
  first >= 0x61 && first <= 0x7a && second >= 0x61 && second <= 0x7a ? (first - 0x61) * 26 + (second - 0x61) : -1;
for (const form of CUE_VERBS.keys()) {
  const at = openingIndex(form.charCodeAt(0), form.charCodeAt(1));
  // Every form is two or more lower-case ASCII letters, under 32: one that were not would need a plain lookup.
  if (at < 0 || form.length > 31) throw new Error(`cue verb form outside the fast check: ${form}`);
  CUE_LENGTHS_BY_OPENING[at]! |= 1 << form.length;
}

/** Whether some cue verb form opens with the character codes `first`, `second` and has `length` characters. */
export function mayBeCueVerb(first: number, second: number, length: number): boolean {
  const at = openingIndex(first, second);
  return at >= 0 && length <= 31 && (CUE_LENGTHS_BY_OPENING[at]! & (1 << length)) !== 0;
}

/** The cue verb a lower-case word is a form of, if any. */
export function cueVerbOf(lower: string): CueVerb | undefined {
  return mayBeCueVerb(lower.charCodeAt(0), lower.charCodeAt(1), lower.length) ? CUE_VERBS.get(lower) : undefined;
}

/** Verbs whose reported content is an infinitive ("wants to", "vowed to", "urged Congress to"). */
export const INFINITIVE_LEMMAS: ReadonlySet<string> = new Set(
  'want plan intend seek refuse decline promise vow pledge threaten urge ask expect hope agree warn tell call'.split(' '),
);
/** Of those, the ones that report nothing without an infinitive ("wants a wall" is no attribution). */
export const ONLY_INFINITIVE_LEMMAS: ReadonlySet<string> = new Set('want plan intend seek refuse decline'.split(' '));

/** Words that may stand between a subject and its verb ("Putin later said", "has said"). */
export const BETWEEN_SUBJECT_AND_VERB: ReadonlySet<string> = new Set(
  (
    'also later then previously recently once repeatedly reportedly again often always instead now too has had have ' +
    'would will did does do was is were are had been being not never just earlier publicly privately ' +
    'flatly bluntly quickly simply openly frequently initially first still even already further ' +
    'similarly separately specifically angrily emphatically finally ultimately allegedly herself himself ' +
    'themselves itself could might may must should can shall widely largely strongly firmly clearly loudly ' +
    'quietly immediately subsequently briefly directly personally generally broadly sharply harshly explicitly ' +
    "formally officially wouldn't couldn't didn't doesn't don't won't can't hasn't haven't isn't wasn't " +
    'wouldn’t couldn’t didn’t doesn’t don’t won’t can’t hasn’t haven’t isn’t wasn’t'
  ).split(' '),
);

/** Possessive pronouns, by the subject pronoun each stands for ("his often-repeated vow" is his). */
export const POSSESSIVE_PRONOUNS: ReadonlyMap<string, 'male' | 'female' | 'plural' | 'neuter'> = new Map([
  ['his', 'male'],
  ['her', 'female'],
  ['their', 'plural'],
  ['its', 'neuter'],
]);

export const PRONOUNS: ReadonlyMap<string, 'male' | 'female' | 'plural' | 'self' | 'neuter'> = new Map([
  ['he', 'male'],
  ['she', 'female'],
  ['they', 'plural'],
  ['i', 'self'],
  ['we', 'plural'],
  ['it', 'neuter'],
]);

/** Determiners and possessives that open a noun phrase ("the source", "a spokesman"). */
export const DETERMINERS: ReadonlySet<string> = new Set(
  (
    'the a an his her their its our my your another one two three several many some most few ' +
    'both all other each this that these those such no any'
  ).split(' '),
);

/**
 * Lower-case words that end a backward walk for a subject: clause openers,
 * prepositions, conjunctions and common verbs — a subject never holds them.
 */
export const SUBJECT_STOPS: ReadonlySet<string> = new Set(
  (
    'that which who whom whose when while after before because since as if though although ' +
    'and but or nor so yet for to in on at by with from into about than where why how what ' +
    'is was are were be been has have had do does did not whether also said says told ' +
    'it there here then now once however unless until'
  ).split(' '),
);

/** Capitalised words that open sentences rather than names. */
export const CAPITALISED_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'The A An And But Or So Yet In On At By For From To With Without As If When While After Before ' +
    'Because Since Though Although This That These Those There Here It Its He She They We I You His Her ' +
    'Their Our My Your Some Many Most Few All Both Each Every No Not Now Then Still Also Even Just Only ' +
    'However Meanwhile Instead Indeed Yes What Who Why How Where Which Asked Speaking According Mr Mrs Ms ' +
    'Never Always Sometimes Often Perhaps Maybe Despite Unlike Among Through During Until'
  ).split(' '),
);

/** Words of a title or role standing before a name ("US Secretary of State Antony Blinken"). */
export const TITLE_WORDS: ReadonlySet<string> = new Set(
  (
    'president vice prime minister secretary state senator sen. rep. representative gov. governor mayor ' +
    'chancellor leader chairman chairwoman chair chief director spokesman spokeswoman spokesperson ' +
    'general gen. judge justice attorney candidate nominee mr. mrs. ms. dr. rev. sheriff officer ' +
    'commissioner ambassador speaker majority minority former foreign defense defence press king queen ' +
    'prince princess pope lt. col. capt. sgt. adm. congressman congresswoman councilman councilwoman ' +
    'executive ceo founder professor prof. analyst deputy assistant acting first lady coach manager captain host anchor correspondent ' +
    'defenseman defender forward goalkeeper goalie quarterback pitcher striker midfielder winger teammate of the u.s. us uk'
  ).split(' '),
);

/** Cue forms that are as often plural nouns ("four Super Tuesday states", "6 points", "made controversial comments"). */
export const PLURAL_NOUN_CUES: ReadonlySet<string> = new Set(['states', 'points', 'notes', 'reports', 'claims', 'comments', 'remarks', 'answers']);

/** What an organisation or a person writes and a reporter cites as speaking ("Amex's recent report found"). */
export const DOCUMENT_HEADS: ReadonlySet<string> = new Set(
  'report reports study studies survey surveys poll polls data statement statements guidelines guidance analysis letter filing filings release memo memorandum website figures estimates records research findings review audit'.split(' '),
);

/** Heads of descriptions a "he" or "she" can stand for ("a spokesman", "the coach"); never "scientists", "a statement" or "the trust". */
export const PERSON_HEADS: ReadonlySet<string> = new Set(
  (
    'spokesman spokeswoman spokesperson official officer coach man woman boy girl father mother son daughter husband wife brother sister ' +
    'lawyer attorney doctor nurse teacher student driver chief director president minister secretary senator governor mayor leader ' +
    'founder executive manager owner resident witness victim suspect source person analyst expert economist professor researcher ' +
    'scientist judge prosecutor aide adviser advisor candidate chairman chairwoman ceo actor actress singer player captain client patient ' +
    'worker employee farmer veteran friend neighbour neighbor relative parent grandmother grandfather boss dean principal commissioner ' +
    'ambassador diplomat lawmaker congressman congresswoman representative sheriff detective agent pilot soldier general colonel ' +
    'priest bishop pastor rabbi imam author writer editor reporter journalist photographer artist musician designer engineer ' +
    'entrepreneur investor trader banker broker consultant strategist pollster organizer organiser activist protester volunteer ' +
    'member fan customer shopper passenger mourner survivor inmate prisoner defendant plaintiff juror he she'
  ).split(' '),
);
