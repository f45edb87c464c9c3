import type { Mention, Role } from '../../doc/annotations.js';
import type { Span } from '../../doc/span.js';
import type { NameInfo } from './names.js';
import { skipSpacesRight, wordAt, type ScanContext } from './scan.js';
import { titleAfter, titleBefore } from './titles.js';

/*
 * The titles a person's name carries: before it ("Russian President Vladimir Putin",
 * "Gen. Mark Milley"), inside the mention when the tagger kept it there ("President
 * Putin"), and in an apposition after it ("Putin, the Russian president,"; "Blinken,
 * US secretary of state,"). Honorifics are forms of address, not roles.
 */

export interface FoundRole extends Role {
  readonly country?: string;
}

/** The roles attached to one mention of a person. */
export function rolesAt(ctx: ScanContext, mention: Mention, name: NameInfo, appositionStarts: Set<number>): FoundRole[] {
  const out: FoundRole[] = [];
  const { text } = ctx;
  if (name.inlineTitleEnd !== undefined) {
    // The title is inside the mention; words before the mention may extend it ("former" President Putin).
    const inside = mention.text.slice(0, name.inlineTitleEnd).toLowerCase();
    const outer = titleBefore(ctx, mention.start, inside);
    const start = outer?.start ?? mention.start;
    const end = mention.start + name.inlineTitleEnd;
    out.push(role(text, { start, end }, outer?.country));
  } else {
    const before = titleBefore(ctx, mention.start);
    if (before !== undefined) out.push(role(text, before, before.country));
  }
  const after = apposition(ctx, mention.end);
  if (after !== undefined) {
    out.push(role(text, after.role, after.country));
    appositionStarts.add(after.phraseStart);
  }
  return out;
}

function role(text: string, span: Span, country: string | undefined): FoundRole {
  return { start: span.start, end: span.end, text: text.slice(span.start, span.end), ...(country !== undefined ? { country } : {}) };
}

const ARTICLE = /^(?:the|a|an)$/i;
const CLOSERS = new Set([',', '.', ';', ':', ')', '—', '–', '-', '"', '”']);

/**
 * ", the Russian president," after a name: a comma, an optional age ("69,"), an optional
 * article, then a title phrase ending the clause. Returns the title's span (without the
 * article) and where the phrase started (at the article, if any).
 */
function apposition(ctx: ScanContext, nameEnd: number): { role: Span; country?: string; phraseStart: number } | undefined {
  const { text } = ctx;
  const opener = skipSpacesRight(text, nameEnd);
  // ", the Russian president," or " — former Foreign Secretary," or " (the party's leader)"
  const mark = text[opener];
  if (mark !== ',' && mark !== '—' && mark !== '–' && mark !== '(') return undefined;
  let at = skipSpacesRight(text, opener + 1);
  const age = /^\d{1,3}$/.exec(wordAt(text, at)?.text ?? '');
  if (age !== null && text.charCodeAt(at + age[0].length) === 44) at = skipSpacesRight(text, at + age[0].length + 1);
  const phraseStart = at;
  const article = wordAt(text, at);
  if (article !== undefined && ARTICLE.test(article.text)) at = article.end;
  const title = titleAfter(ctx, at, false);
  if (title === undefined || title.head === undefined || title.beforePerson || title.openComplement) return undefined;
  const after = skipSpacesRight(text, title.next);
  const closer = text[after];
  if (after < text.length && closer !== '\n' && closer !== '\r' && !CLOSERS.has(closer ?? '')) return undefined;
  return { role: { start: title.start, end: title.end }, ...(title.country !== undefined ? { country: title.country } : {}), phraseStart };
}

/**
 * Keeps one role per title: the same words in another case, or a shorter title that
 * ends a longer one ("President" beside "Russian President"), are dropped. Text order.
 */
export function distinctRoles(roles: readonly FoundRole[]): FoundRole[] {
  const sorted = [...roles].sort((a, b) => b.text.length - a.text.length || a.start - b.start);
  const kept: FoundRole[] = [];
  for (const candidate of sorted) {
    const lower = candidate.text.toLowerCase();
    if (kept.some((k) => { const other = k.text.toLowerCase(); return other === lower || other.endsWith(` ${lower}`); })) continue;
    kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start);
}
