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
  const furniture = doc.layers.furniture ?? [];
  if (furniture.length > 0) {
    lines.push('---', '', `<!-- set aside as page furniture: ${furniture.length} item(s) -->`);
    for (const item of furniture) lines.push(`<!-- ${item.kind}: ${oneLine(item.text).replaceAll('--', '- -')} -->`);
    lines.push('');
  }
  return lines.join('\n').trimEnd() + '\n';
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
