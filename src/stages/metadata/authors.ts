import type { Author } from '../../doc/news-doc.js';
import { agencyOf } from '../../rules/lexicons/agencies.js';
import { CJK_ORG_ENDINGS, CJK_ROLES, ROLE_ENDINGS, ROLE_OPENINGS } from '../../rules/lexicons/byline-roles.js';

/**
 * Bylines as pages write them ("By Jane Doe and John Roe, Reuters", "Jane Doe | Staff
 * Writer", "jane@example.com") turned into names, each a person, an agency or an
 * organization.
 */

const LEAD_LABEL =
  /^(?:(?:written|posted|reported|reporting|words|story|article|text|photos?|compiled|edited|published|contributed|additional reporting|interview|review(?:ed)?|fact[- ]checked|medically reviewed|updated)\s+)?(?:by|from|von|par|por|di|door)\s*[:\-–]?\s+/i;
const LABEL_ONLY = /^(?:authors?|byline|writers?|autor(?:in)?|auteur|autore|posted|written|contributors?|reporter|editor)\s*[:\-–]\s*/i;
/** Role and job words: a part made only of these is a role, not a name. */
const ROLE_WORDS = new Set([
  'staff', 'writer', 'writers', 'reporter', 'reporters', 'correspondent', 'correspondents', 'editor', 'editors',
  'contributor', 'contributors', 'contributing', 'senior', 'chief', 'associate', 'assistant', 'deputy', 'managing',
  'executive', 'news', 'sports', 'political', 'politics', 'business', 'tech', 'technology', 'science', 'health',
  'entertainment', 'features', 'feature', 'special', 'investigative', 'national', 'international', 'foreign',
  'local', 'digital', 'freelance', 'freelancer', 'columnist', 'critic', 'photographer', 'producer', 'analyst',
  'journalist', 'author', 'guest', 'lead', 'head', 'of', 'the', 'and', 'for', 'content', 'copy', 'web', 'online',
  'desk', 'team', 'bureau', 'chief', 'intern', 'fellow', 'director', 'manager', 'specialist', 'strategist',
  'founder', 'co-founder', 'ceo', 'cto', 'president', 'marketing', 'seo', 'consultant', 'expert', 'coach', 'blogger',
  'culture', 'food', 'travel', 'style', 'lifestyle', 'opinion', 'video', 'audio', 'data', 'markets', 'economics',
  'economy', 'climate', 'environment', 'education', 'legal', 'crime', 'courts', 'weather', 'metro', 'city',
  'white', 'house', 'congressional', 'breaking', 'trending', 'general', 'assignment', 'commerce', 'shopping',
  'deals', 'product', 'reviews', 'review', 'audience', 'engagement', 'social', 'media', 'newsletter', 'graphics',
  'nutritionist', 'dietitian', 'registered', 'certified', 'licensed', 'professor', 'researcher', 'scientist',
  'doctor', 'physician', 'lawyer', 'attorney', 'advisor', 'adviser', 'planner', 'trainer', 'instructor',
  'teacher', 'student', 'member', 'owner', 'partner', 'officer', 'vp', 'vice', 'at', 'in', 'on', 'with', 'about',
]);
/** Credentials written after a name ("Jane Doe, PhD"). */
const CREDENTIAL = /^(?:ph\.?\s?d\.?|m\.?d\.?|d\.?o\.?|m\.?s\.?c?\.?|m\.?a\.?|b\.?a\.?|b\.?s\.?c?\.?|m\.?b\.?a\.?|m\.?p\.?h\.?|r\.?d\.?n?\.?|r\.?n\.?|l\.?d\.?n?\.?|c\.?p\.?t\.?|c\.?f\.?a\.?|c\.?p\.?a\.?|c\.?f\.?p\.?|j\.?d\.?|esq\.?|jr\.?|sr\.?|ii|iii|iv|facs|fand|faap|facp|cde|cdces|cscs|nasm|ace|e-ryt(?:\s*\d+)?|ryt(?:\s*\d+)?|lmt|lpc|lcsw|pharmd|dvm|dds|dmd|np|pa-c|aprn|fnp|mph|msc|bsc|mscn|cns|ibclc|cissp|pmp)$/i;
/** An all-capitals abbreviation after a name ("MS", "RD", "E-RYT 200"). */
const ALLCAPS_CREDENTIAL = /^[A-Z]{2,6}(?:-[A-Z]{1,4})?(?:\s*\d+)?\.?$/;
const NOT_NAMES = new Set([
  'admin', 'administrator', 'staff', 'editor', 'editors', 'editorial', 'guest', 'unknown', 'anonymous', 'user',
  'webmaster', 'null', 'undefined', 'none', 'author', 'authors', 'by', 'staff writer', 'staff reporter',
  'contributor', 'guest author', 'guest post', 'n/a', 'na', 'root', 'wpadmin', 'wp-admin', 'default', 'test', 'wordpress', 'home', 'read more', 'more', 'share', 'follow',
  'facebook', 'twitter', 'linkedin', 'instagram', 'email', 'print', 'comments', 'subscribe', 'sign in', 'log in',
]);
const ORG_WORDS =
  /\b(?:team|staff|desk|newsdesk|editorial|editors|newsroom|news|media|inc|llc|ltd|limited|group|magazine|press|company|corp|corporation|foundation|institute|university|college|agency|association|society|council|department|ministry|office|bureau|network|studio|studios|labs?|gmbh|s\.a\.|plc|journal|times|post|daily|tribune|herald|gazette|review|blog|online|tv|radio|channel|official|board|committee|center|centre|clinic|hospital|bank|services|solutions|partners|academy|school|church|club)\b/i;

const escape = (w: string): string => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
/** A byline part that is a desk or role after the writer's name: "Observer staff", "special to the Globe". */
const ROLE_PART = new RegExp(`(?:^|\\s)(?:${ROLE_ENDINGS.map(escape).join('|')})$|^(?:${ROLE_OPENINGS.map(escape).join('|')})\\s`, 'i');
/** Chinese, Japanese and Korean letters (and the marks written inside names). */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const HAN = '[\\p{Script=Han}々〆ヶ]';
const HIRA = '\\p{Script=Hiragana}';
const KATA = '[\\p{Script=Katakana}ー・･＝]';
/** One word of a CJK name: family or given name, or a whole name written without a space. */
const CJK_NAME_WORD = new RegExp(`^(?:${HAN}{1,4}(?:${HIRA}{1,4}|${KATA}{1,6})?|${HIRA}{1,6}|${KATA}{1,20}|\\p{Script=Hangul}{1,5})$`, 'u');
const CJK_FULL_NAME = new RegExp(`^${HAN}{2,6}$`, 'u');
const CJK_ROLE = `(?:${CJK_ROLES.map(escape).join('|')})`;
/** "記者 張三", "记者：张三" — a role before the name. */
const CJK_ROLE_BEFORE = new RegExp(`^(?:[\\[【〔(（]\\s*)?${CJK_ROLE}(?:\\s*[\\]】〕)）])?\\s*[:：=＝/／|｜]?\\s*(?=\\S)`, 'u');
/** "佐藤健一記者", "홍길동 기자", "佐藤健一（編集委員）" — a role after the name. */
const CJK_ROLE_AFTER = new RegExp(`\\s*(?:[=＝]\\s*)?[\\[【〔(（]?\\s*${CJK_ROLE}\\s*[\\]】〕)）]?$`, 'u');
const CJK_ORG = new RegExp(`(?:${CJK_ORG_ENDINGS.map(escape).join('|')})$`, 'u');

export interface RawAuthor {
  readonly text: string;
  /** The structured data said it is an organization. */
  readonly organization?: boolean;
}

/** Names out of one byline string, cleaned and classified. */
export function parseByline(raw: string, siteName?: string, organization = false, lenient = false): Author[] {
  let text = raw.replace(/\s+/g, ' ').trim();
  if (text === '' || text.length > 400) return [];
  if (/^https?:\/\//i.test(text) || /^www\./i.test(text)) return [];
  // Emails, handles, URLs and what follows a pipe/bullet are not names.
  text = text
    .replace(/\S+@\S+\.\S+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/(^|\s)@\w+/g, ' ')
    .replace(/\b(?:updated|published|posted|last updated)\b.*$/i, ' ')
    .replace(/\b\d+\s*(?:min(?:ute)?s?|hours?|hrs?)\b.*$/i, ' ')
    .replace(/\b(?:follow|view all|see all|more from|more articles|read more|all posts|posts by|articles by)\b.*$/i, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const agencies: Author[] = [];
  // Parentheticals: "(Reuters)" is an agency; others ("(she/her)", "(Updated)") are dropped.
  text = text.replace(/\(([^)]{0,60})\)/g, (_m, inner: string) => {
    const agency = agencyOf(inner);
    if (agency !== undefined) agencies.push({ name: agency, kind: 'agency' });
    return ' ';
  });
  text = text.replace(LABEL_ONLY, '').replace(LEAD_LABEL, '').trim();
  text = text.replace(/^by\s*[:\-–]?\s*/i, '').trim();
  // Cut at separators that start other furniture: " | ", " • ", " · ", " — ", newlines.
  const firstSeg = text.split(/\s[|•·](?:\s|$)|\s[—–](?:\s|$)|\n/)[0] ?? '';
  text = firstSeg.trim();
  const out: Author[] = [];
  let parts = text.split(/\s*(?:,|;|\/|、|，|；|／|\s&\s|&amp;|\band\b|\bund\b|\bwith\b)\s*/i);
  // "Center for Drug Evaluation and Research", "Maria & Katerina": one name, not two.
  if (!/[,;]/.test(text) && parts.length === 2 && parts.some((p) => p.trim().split(/\s+/).length === 1) && parts.some((p) => p.trim().split(/\s+/).length >= 3)) {
    parts = [text];
  }
  // A long CJK part that is no name means the text is a sentence (a headline, a
  // summary), and its short clauses are no names either.
  let cjkSentence = false;
  for (let part of parts) {
    part = part
      .replace(/^(?:and|by)\s+/i, '')
      .replace(/\s+(?:for|at|from)\s+(?:the\s+)?[A-Z].*$/, (m, offset: number, whole: string) => (ORG_WORDS.test(whole.slice(0, offset)) ? m : ''))
      .replace(/^[\s"'“”‘’.:|\-–—]+|[\s"'“”‘’:|\-–—]+$/g, '')
      .trim();
    if (part === '') continue;
    const agency = agencyOf(part);
    if (agency !== undefined) {
      agencies.push({ name: agency, kind: 'agency' });
      continue;
    }
    if (out.length > 0 && (CREDENTIAL.test(part) || ALLCAPS_CREDENTIAL.test(part))) continue;
    if (out.length > 0 && ROLE_ONLY(part)) continue;
    // "Walt Kimura, Observer staff": the desk the writer works for, not a second author.
    if (out.length > 0 && ROLE_PART.test(part) && part.split(/\s+/).length <= 6) continue;
    if (CJK_CHAR.test(part)) {
      part = stripCjkRoles(part);
      if (CJK_CHAR.test(part)) {
        const cjk = cjkName(part, siteName, organization, lenient);
        if (cjk !== undefined) out.push(cjk);
        else if (part.replace(/\s/g, '').length > 12) cjkSentence = true;
        continue;
      }
      if (part === '') continue;
    }
    const name = stripRoles(part.replace(/\s*[-–—]\s*\d{4}$|\s+\d{4}$/, '').replace(/,?\s+(?:ph\.?d\.?|m\.?d\.?)$/i, ''));
    if (name === undefined) continue;
    const kind = organization || isOrganizationName(name, siteName) ? 'organization' : 'person';
    if (kind === 'person' && !looksLikePersonName(name) && !(lenient && looksLikeHandle(name))) continue;
    if (kind === 'organization' && (name.length > 60 || name.split(/\s+/).length > 6)) continue;
    out.push({ name, kind });
  }
  const kept = cjkSentence ? out.filter((a) => !CJK_CHAR.test(a.name)) : out;
  return dedupe([...kept, ...agencies]);
}

/** "記者 張三" → "張三", "佐藤健一記者" → "佐藤健一", "홍길동 기자" → "홍길동". */
function stripCjkRoles(part: string): string {
  let name = part.replace(/[\s\u3000]+/g, ' ').trim();
  for (let k = 0; k < 2; k++) name = name.replace(CJK_ROLE_BEFORE, '').replace(CJK_ROLE_AFTER, '').trim();
  return name.replace(/^[「『【〔（(]+|[」』】〕）)]+$/g, '').trim();
}

/**
 * A Chinese, Japanese or Korean name: one to three words, each a plausible family or
 * given name (Han letters, Han then kana, kana alone, Hangul), or up to six Han letters
 * written together ("佐々木健一郎"). "赤字ローカル線" (Han, katakana, Han) is not one.
 */
function looksLikeCjkName(name: string): boolean {
  const words = name.split(/[ \u3000]+/);
  const letters = words.join('');
  if (words.length > 3 || letters.length < 2 || letters.length > 20) return false;
  if (words.length === 1 && CJK_FULL_NAME.test(letters)) return true;
  return words.every((w) => CJK_NAME_WORD.test(w));
}

/** A Chinese, Japanese or Korean byline part (roles already dropped), classified. */
function cjkName(name: string, siteName: string | undefined, organization: boolean, lenient: boolean): Author | undefined {
  if (name === '' || NOT_NAMES.has(name.toLowerCase())) return undefined;
  if (organization || CJK_ORG.test(name.replace(/\s/g, '')) || isOrganizationName(name, siteName)) {
    return name.length <= 30 ? { name, kind: 'organization' } : undefined;
  }
  return looksLikePersonName(name) || (lenient && looksLikeHandle(name)) ? { name, kind: 'person' } : undefined;
}

const GROUP_WORDS = /^(?:team|staff|desk|editors|newsroom|newsdesk|editorial)$/i;

function ROLE_ONLY(part: string): boolean {
  return part.split(/\s+/).every((w) => ROLE_WORDS.has(w.toLowerCase().replace(/[.,]/g, '')));
}

/** "Jane Doe Staff Writer" → "Jane Doe"; a part made only of role words → undefined. */
function stripRoles(part: string): string | undefined {
  const words = part.split(' ');
  const last = words[words.length - 1] ?? '';
  if (!GROUP_WORDS.test(last) && words.every((w) => ROLE_WORDS.has(w.toLowerCase().replace(/[.,]/g, '')))) return undefined;
  // Trailing role words after a name of two words or more ("Jane Doe Staff Writer");
  // "Podium Staff" and "Everfit Team" are group bylines and stay whole.
  let end = words.length;
  if (!GROUP_WORDS.test(last)) {
    while (end > 2 && ROLE_WORDS.has(words[end - 1]!.toLowerCase()) && words[end - 1]!.toLowerCase() !== 'of') end--;
  }
  const name = words.slice(0, end).join(' ').trim();
  if (NOT_NAMES.has(name.toLowerCase())) return undefined;
  return name;
}

/** A user handle ("q_admin", "jsteinhardt", "hayley.p"), accepted from structured data only. */
function looksLikeHandle(name: string): boolean {
  return /^[\p{L}\p{N}][\p{L}\p{N}_.-]{1,39}$/u.test(name) && /\p{L}/u.test(name) && !NOT_NAMES.has(name.toLowerCase());
}

function isOrganizationName(name: string, siteName?: string): boolean {
  if (ORG_WORDS.test(name)) return true;
  if (siteName !== undefined) {
    const a = name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    const b = siteName.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    if (a !== '' && (a === b || (a.length >= 4 && b.includes(a)) || (b.length >= 4 && a.includes(b)))) return true;
  }
  return false;
}

/** A person's name: 1–5 words, mostly capitalized, no digits, not a sentence. */
export function looksLikePersonName(name: string): boolean {
  if (name.length < 2 || name.length > 60) return false;
  // Chinese, Japanese and Korean names: 2–10 letters of those scripts, written with or
  // without a space between family and given name ("佐藤 健一", "张伟", "홍길동").
  if (CJK_CHAR.test(name)) return looksLikeCjkName(name);
  if (/\d|[<>{}[\]=+*#?!"“”]/.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length > 5) return false;
  const lower = name.toLowerCase();
  if (NOT_NAMES.has(lower)) return false;
  const capitalized = words.filter((w) => /^[\p{Lu}]/u.test(w)).length;
  const particles = words.filter((w) => /^(?:de|da|del|della|der|den|di|du|la|le|van|von|bin|al|el|y|e|dos|das|ter|ten|zu|af|av)$/i.test(w)).length;
  if (capitalized + particles < words.length && words.length > 1) {
    // all-lowercase names come from hand-typed CMS fields; accept short ones
    if (!(words.length <= 3 && name === lower && /^[\p{Ll}\s.'-]+$/u.test(name))) return false;
  }
  if (words.length === 1 && !/^[\p{Lu}\p{Ll}][\p{L}.'-]+$/u.test(name)) return false;
  // Initials in an avatar ("NB") are not a name.
  if (words.length === 1 && /^\p{Lu}{1,3}$/u.test(name)) return false;
  return true;
}

function dedupe(authors: Author[]): Author[] {
  const seen = new Set<string>();
  const out: Author[] = [];
  for (const a of authors) {
    const key = a.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

/** Merges lists, dropping repeats (case-insensitively). */
export function mergeAuthors(...lists: Author[][]): Author[] {
  return dedupe(lists.flat());
}
