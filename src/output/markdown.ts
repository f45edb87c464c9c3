import type { NewsDoc } from '../doc/news-doc.js';

/** The article as Markdown: headline, a metadata line, the body, then what was set aside. */
export function toMarkdown(doc: NewsDoc): string {
  const text = doc.text ?? '';
  const m = doc.metadata;
  const lines: string[] = [];
  if (m.headline !== undefined) lines.push(`# ${oneLine(m.headline)}`, '');
  const facts: string[] = [];
  if (m.authors.length > 0) facts.push(`By ${m.authors.map((a) => a.name).join(', ')}`);
  if (m.published !== undefined) facts.push(`Published ${m.published.value}`);
  if (m.siteName !== undefined) facts.push(m.siteName);
  if (m.dateline !== undefined) facts.push(`Dateline: ${m.dateline.text}`);
  if (facts.length > 0) lines.push(`*${escapeInline(facts.join(' · '))}*`, '');
  for (const block of doc.layers.blocks ?? []) {
    const content = text.slice(block.start, block.end);
    switch (block.kind) {
      case 'headline':
        break;
      case 'heading':
        lines.push(`${'#'.repeat(Math.min(6, Math.max(2, block.level ?? 2)))} ${oneLine(content)}`, '');
        break;
      case 'list-item':
        lines.push(`- ${escapeLeading(oneLine(content))}`, '');
        break;
      case 'quote':
        lines.push(...content.split('\n').map((line) => `> ${line}`), '');
        break;
      case 'caption':
        lines.push(`*${escapeInline(oneLine(content))}*`, '');
        break;
      case 'preformatted':
        lines.push('```', content.replaceAll('```', '` ` `'), '```', '');
        break;
      default:
        lines.push(escapeLeading(content), '');
    }
  }
  lines.push(...understandingSections(doc));
  const furniture = doc.layers.furniture ?? [];
  if (furniture.length > 0) {
    lines.push('---', '', `<!-- set aside as page furniture: ${furniture.length} item(s) -->`);
    for (const item of furniture) lines.push(`<!-- ${item.kind}: ${oneLine(item.text).replaceAll('--', '- -')} -->`);
    lines.push('');
  }
  return lines.join('\n').trimEnd() + '\n';
}

const TYPE_HEADINGS = [
  ['PER', 'People'],
  ['ORG', 'Organisations'],
  ['LOC', 'Places'],
  ['MISC', 'Other names'],
] as const;

/** Who and what the article names, who said what, and when: readable lists after the body. */
function understandingSections(doc: NewsDoc): string[] {
  const { entities = [], quotes = [], times = [] } = doc.layers;
  const lines: string[] = [];
  for (const [type, heading] of TYPE_HEADINGS) {
    const ofType = entities.filter((entity) => entity.type === type);
    if (ofType.length === 0) continue;
    lines.push(`## ${heading}`, '');
    for (const entity of ofType) {
      const extra: string[] = [];
      if (entity.acronyms.length > 0) extra.push(entity.acronyms.join(', '));
      const roles = unique(entity.roles.map((role) => oneLine(role.text)));
      if (roles.length > 0) extra.push(roles.join('; '));
      const references = unique(entity.references.map((reference) => oneLine(reference.text)));
      if (references.length > 0) extra.push(`also "${references.join('", "')}"`);
      const count = entity.mentions.length + entity.references.length;
      lines.push(`- **${escapeInline(entity.name)}**${extra.length > 0 ? ` (${escapeInline(extra.join(' · '))})` : ''} · ${count}×`);
    }
    lines.push('');
  }
  if (quotes.length > 0) {
    lines.push('## Quotes', '');
    for (const quote of quotes) {
      const speaker = quote.speaker !== undefined ? entities[quote.speaker]?.name : quote.speakerMention?.text;
      const who = speaker !== undefined ? oneLine(speaker) : 'unattributed';
      const cue = quote.cue !== undefined ? `, ${oneLine(quote.cue.text)}` : '';
      const words = quote.kind === 'indirect' ? oneLine(quote.text) : `“${oneLine(quote.text)}”`;
      lines.push(`- ${escapeInline(words)} — **${escapeInline(who)}** (${quote.kind}${escapeInline(cue)})`);
    }
    lines.push('');
  }
  if (times.length > 0) {
    lines.push('## Times', '');
    for (const time of times) {
      const value = time.value ?? (time.unresolved === 'no-anchor' ? 'unresolved: no publication date' : 'unresolved');
      lines.push(`- ${escapeInline(oneLine(time.text))} → ${escapeInline(value)}`);
    }
    lines.push('');
  }
  return lines;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function escapeInline(value: string): string {
  return value.replace(/([*_`[\]\\])/g, '\\$1');
}

/** Keeps a paragraph that starts like Markdown syntax ("# ", "1. ", "- ") from becoming it. */
function escapeLeading(value: string): string {
  return value.replace(/^(#{1,6}\s|[-+*]\s|\d+[.)]\s|>)/, '\\$1');
}
