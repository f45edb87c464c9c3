import type { Mention } from '../../doc/annotations.js';
import type { Span } from '../../doc/span.js';
import { mostRecentFit, notePosition, type PersonHint, type PersonProfile } from './persons.js';
import { phraseAfter, skipSpacesLeft, skipSpacesRight, wordAt, wordEndingAt, type ScanContext } from './scan.js';
import { titleAfter } from './titles.js';

/*
 * Descriptions that stand for a person already named: "the Russian leader", "the
 * president", "the former prime minister", "the 69-year-old". Each goes to the person
 * named or described most recently before it whose titles, country and age fit: "the
 * Chinese leader" skips a more recent Putin because Putin's title says Russian. A
 * description followed by a name ("the Russian President Vladimir Putin") is that
 * name's title, not a reference; a plural ("the leaders") never refers to one person.
 * Neither is a predicate ("Trump was the first president", "as the party's nominee") nor
 * a description announcing a name after a comma ("the Labour Party's leader, Jeremy
 * Corbyn,"): they describe someone the sentence names, not the last person mentioned.
 */

/** Words before "the" that make the description a predicate or an apposition. */
const PREDICATE_BEFORE = new Set([
  'as', 'is', 'was', 'are', 'were', 'be', 'been', 'being', 'became', 'become', 'becomes', 'becoming', 'remains',
  'remained', 'named', 'elected', 'appointed', 'formerly', 'now', 'currently', 'also', 'still', 'like',
]);

/** Words that may follow a description's head directly: verbs and function words, not a noun it modifies. */
const FOLLOWERS = new Set([
  'said', 'says', 'told', 'tells', 'was', 'is', 'has', 'had', 'have', 'will', 'would', 'did', 'does', 'can', 'could',
  'should', 'may', 'might', 'must', 'who', 'whose', 'and', 'or', 'but', 'also', 'then', 'later', 'again', 'in', 'on',
  'at', 'for', 'to', 'with', 'from', 'by', 'after', 'before', 'himself', 'herself', 'reportedly', 'added', 'wrote',
  'announced', 'declined', 'denied', 'insisted', 'argued', 'warned', 'urged', 'called', 'asked', 'replied',
]);

/** Heads that are also adjectives or other nouns ("the general census", "the chief reason"). */
const AMBIGUOUS_HEADS = new Set(['general', 'major', 'chief', 'principal', 'executive', 'official', 'deputy', 'justice', 'speaker', 'chair', 'judge', 'manager', 'captain', 'director']);

/** Nouns that make "the 69-year-old …" a person. */
const PERSON_NOUNS = new Set([
  'man', 'woman', 'boy', 'girl', 'mother', 'father', 'son', 'daughter', 'suspect', 'victim', 'driver', 'killer',
  'gunman', 'teenager', 'actor', 'actress', 'singer', 'player', 'star', 'pilot', 'resident', 'patient',
  'defendant', 'worker', 'grandmother', 'grandfather', 'widow', 'veteran', 'politician', 'businessman',
  'businesswoman', 'billionaire', 'founder', 'rapper', 'musician', 'athlete', 'champion',
]);

function isLowerWord(word: string): boolean {
  const code = word.charCodeAt(0);
  return code >= 97 && code <= 122;
}

/** Letters, all of them capitals. */
function isShouted(words: string): boolean {
  return words === words.toUpperCase() && words !== words.toLowerCase();
}

function followerFits(ctx: ScanContext, start: number, next: number, possessive: boolean, head: string | undefined): boolean {
  const following = wordAt(ctx.text, skipSpacesRight(ctx.text, next));
  if (following === undefined) return true;
  // In text set in capitals ("THE PRESIDENT SAID") a capital says nothing: read it in lower case.
  const shouted = isShouted(ctx.text.slice(start, next)) && isShouted(following.text);
  const written = shouted ? following.text.toLowerCase() : following.text;
  // "the party's presidential nominee Darrell Castle": a title before a name the tagger missed.
  if (!possessive && following.start > next && /^\p{Lu}/u.test(written)) return false;
  if (!isLowerWord(written)) return true;
  const word = written.replace(/\.$/, '');
  if (FOLLOWERS.has(word)) return true;
  if (head === undefined) return PERSON_NOUNS.has(word) || word.endsWith('ed');
  return !AMBIGUOUS_HEADS.has(head) || word.endsWith('ed');
}

/** ", Jeremy Corbyn" or ", Pope Francis" right after the description. */
function announcesName(ctx: ScanContext, next: number): boolean {
  const { text } = ctx;
  const comma = skipSpacesRight(text, next);
  if (text.charCodeAt(comma) !== 44) return false;
  let at = skipSpacesRight(text, comma + 1);
  for (let titles = 0; titles < 3; titles++) {
    if (ctx.mentionsByStart.get(at)?.type === 'PER') return true;
    const phrase = phraseAfter(text, at);
    if (phrase === undefined || phrase.start !== at) return false;
    at = skipSpacesRight(text, phrase.end);
  }
  return false;
}

function isPredicate(text: string, start: number): boolean {
  const before = wordEndingAt(text, skipSpacesLeft(text, start));
  return before !== undefined && PREDICATE_BEFORE.has(before.text.toLowerCase());
}

export interface ResolvedReference extends Span {
  readonly text: string;
  readonly entity: number;
}

/** Every description in the text resolved to a person, in text order. */
export function resolveReferences(
  ctx: ScanContext,
  profiles: readonly PersonProfile[],
  sortedMentions: readonly Mention[],
  skipStarts: ReadonlySet<number>,
): ResolvedReference[] {
  const out: ResolvedReference[] = [];
  if (profiles.length === 0) return out;
  const { text } = ctx;
  const finder = /\bthe[ \t\u00a0]+/gi;
  // Only people with a title can be "the president"; usually a handful among many names.
  const titled = profiles.filter((profile) => profile.heads.size > 0);
  let cursor = 0; // into sortedMentions, for the inside-a-name check
  for (const match of text.matchAll(finder)) {
    const start = match.index;
    if (skipStarts.has(start)) continue;
    while (cursor < sortedMentions.length && sortedMentions[cursor]!.end <= start) cursor++;
    const around = sortedMentions[cursor];
    if (around !== undefined && around.start <= start) continue; // "The Hague", "The Times"
    const title = titleAfter(ctx, start + match[0].length, true);
    if (title === undefined || title.beforePerson || title.openComplement) continue;
    if (title.start !== start + match[0].length) continue;
    if (isPredicate(text, start) || announcesName(ctx, title.next) || !followerFits(ctx, start, title.next, title.next > title.end, title.head)) continue;
    const hint: PersonHint = {
      qualifiers: title.qualifiers,
      ...(title.country !== undefined ? { country: title.country } : {}),
      ...(title.head !== undefined ? { head: title.head, former: title.former } : {}),
      ...(title.age !== undefined ? { age: title.age } : {}),
    };
    const person = mostRecentFit(hint.head === undefined ? profiles : titled, start, hint);
    if (person === undefined) continue;
    notePosition(person, start);
    out.push({ start, end: title.end, text: text.slice(start, title.end), entity: person.entity });
  }
  return out;
}
