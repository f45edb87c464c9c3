/**
 * The page's language: declared (html lang, Content-Language, og:locale) or, failing
 * that, guessed from common function words. Origin of the word lists: written for
 * Dateline from general knowledge of each language's most frequent words.
 */

const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'it', 'with', 'was', 'on', 'are', 'this', 'by', 'be', 'have', 'from', 'not', 'they'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'ein', 'eine', 'zu', 'mit', 'den', 'sich', 'auf', 'für', 'auch', 'dem', 'es', 'wird', 'von', 'sie'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'dans', 'que', 'pour', 'qui', 'pas', 'sur', 'du', 'au', 'avec', 'il', 'ce', 'sont', 'par'],
  es: ['el', 'la', 'los', 'las', 'y', 'que', 'del', 'en', 'un', 'una', 'por', 'con', 'para', 'es', 'se', 'no', 'su', 'al', 'lo', 'como'],
  it: ['il', 'di', 'che', 'e', 'la', 'per', 'un', 'non', 'una', 'sono', 'della', 'gli', 'con', 'nel', 'anche', 'alla', 'dei', 'le', 'si', 'è'],
  pt: ['o', 'de', 'que', 'e', 'do', 'da', 'em', 'um', 'para', 'com', 'não', 'uma', 'os', 'no', 'se', 'na', 'por', 'mais', 'as', 'dos'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'op', 'te', 'zijn', 'voor', 'met', 'niet', 'aan', 'er', 'ook', 'als', 'bij', 'maar', 'wordt'],
};

const LOOKUP: Map<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [lang, words] of Object.entries(STOPWORDS)) {
    for (const w of words) {
      const list = m.get(w);
      if (list === undefined) m.set(w, [lang]);
      else list.push(lang);
    }
  }
  return m;
})();

/** "en_US" → "en-US", "EN" → "en"; undefined for junk. */
export function normalizeLanguage(tag: string | undefined): string | undefined {
  if (tag === undefined) return undefined;
  const first = tag.split(/[,;]/)[0]!.trim().replace(/_/g, '-');
  const m = /^([a-zA-Z]{2,3})(?:-([a-zA-Z]{2}|\d{3}|[a-zA-Z]{4}))?(?:-|$)/.exec(first);
  if (m === null) return undefined;
  const primary = m[1]!.toLowerCase();
  if (primary === 'und' || primary === 'xx') return undefined;
  const region = m[2];
  if (region === undefined) return primary;
  return region.length === 4 ? `${primary}-${region[0]!.toUpperCase()}${region.slice(1).toLowerCase()}` : `${primary}-${region.toUpperCase()}`;
}

const CJK_SCRIPTS = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}\p{Script=Hangul}]/u;

/**
 * Languages told by their script when most letters are in it: Japanese by its kana
 * (its texts mix kana with Han), Chinese by Han alone, Korean by Hangul.
 */
function languageByScript(sample: string): string | undefined {
  // Most samples hold none of these scripts: one scan, and no counting.
  if (!CJK_SCRIPTS.test(sample)) return undefined;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 20) return undefined;
  const kana = sample.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  const hangul = sample.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  if (kana >= letters * 0.1 && kana + han >= letters / 2) return 'ja';
  if (han >= letters / 2) return 'zh';
  if (hangul >= letters / 2) return 'ko';
  return undefined;
}

/** A guess from the script or common function words in (up to 6,000 characters of) text; undefined when unsure. */
export function guessLanguage(text: string): string | undefined {
  const byScript = languageByScript(text.slice(0, 6_000));
  if (byScript !== undefined) return byScript;
  const sample = text.slice(0, 6_000).toLowerCase();
  const words = sample.match(/\p{L}+/gu) ?? [];
  if (words.length < 20) return undefined;
  const score = new Map<string, number>();
  for (const w of words) {
    const langs = LOOKUP.get(w);
    if (langs === undefined) continue;
    for (const l of langs) score.set(l, (score.get(l) ?? 0) + 1 / langs.length);
  }
  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (top === undefined || top[1] < 5) return undefined;
  if (top[1] / words.length < 0.08) return undefined;
  if (second !== undefined && second[1] > top[1] * 0.7) return undefined;
  return top[0];
}
