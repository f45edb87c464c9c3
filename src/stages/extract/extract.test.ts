import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type NewsDoc } from '../../doc/news-doc.js';
import { parseHtml } from '../parse-html/parse.js';
import { bodyText } from '../../output/json.js';
import { extractStage } from './index.js';

const PROSE = [
  'The council voted on Tuesday to rebuild the old harbour wall, which was breached twice during the winter storms and has been closed to walkers since January.',
  'Engineers say the new wall will be a metre higher than the old one and faced with granite taken from the same quarry that supplied the original stone in 1887.',
  'Work is due to start in the spring and take about eighteen months, during which the car park beside the lifeboat station will be used as a site compound.',
  '“We have waited a long time for this, and the town deserves a wall that will last another century,” said the harbour master, Elin Rowe, after the vote.',
];

function para(i: number): string {
  return `<p>${PROSE[i % PROSE.length]}</p>`;
}

function run(html: string, setup?: (doc: NewsDoc) => void): NewsDoc {
  const doc = createDoc({ format: 'html' }, html);
  doc.html = parseHtml(html);
  setup?.(doc);
  return extractStage.run(doc, {});
}

function page(body: string, head = '<title>Harbour wall to be rebuilt | Coast Gazette</title>'): string {
  return `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
}

const NAV = '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>';
const FOOTER = '<footer><p>Coast Gazette, 1 Quay Street. <a href="/contact">Contact us</a> <a href="/terms">Terms</a></p></footer>';

describe('extract', () => {
  it('keeps the article and leaves navigation and footer out', () => {
    const doc = run(page(`${NAV}<main><article><h1>Harbour wall to be rebuilt</h1>${para(0)}${para(1)}${para(2)}${para(3)}</article></main>${FOOTER}`));
    assert.equal(bodyText(doc), PROSE.join('\n\n'));
    assert.equal(doc.isArticle, true);
    assert.ok(doc.extractedBy !== undefined);
    assert.ok(doc.diagnostics.some((d) => d.code === 'EXTRACT_STRATEGY'));
  });

  it('never takes hidden or machine-only text', () => {
    const hidden = [
      '<p style="display: none">HIDDEN-A styled away from every reader of this page, long enough to look like prose.</p>',
      '<p hidden>HIDDEN-B with the hidden attribute, long enough to look like a paragraph of prose text.</p>',
      '<div aria-hidden="true"><p>HIDDEN-C marked aria-hidden, long enough to look like a paragraph of prose.</p></div>',
      '<template><p>HIDDEN-D inside a template element, long enough to look like prose text here.</p></template>',
      '<noscript><p>HIDDEN-E inside noscript, long enough to look like a paragraph of prose text.</p></noscript>',
      '<script>var x = "HIDDEN-F";</script><button>HIDDEN-G</button><span class="sr-only">HIDDEN-H</span>',
      '<span itemprop="author" content="HIDDEN-I">HIDDEN-I</span>',
    ].join('');
    const doc = run(page(`<article>${para(0)}${hidden}${para(1)}${para(2)}</article>`));
    assert.doesNotMatch(doc.text ?? '', /HIDDEN/);
    assert.match(bodyText(doc), /harbour wall/);
  });

  it('keeps text shown on some screens by responsive utilities', () => {
    const doc = run(page(`<article>${para(0)}<div class="hidden md:block">${para(1)}</div>${para(2)}</article>`));
    assert.match(bodyText(doc), /granite/);
  });

  it('puts the metadata headline first and drops its repeat and the byline from the body', () => {
    const doc = run(
      page(`<article><h1>Harbour wall to be rebuilt</h1><p>By Tom Hale</p><p>March 3, 2024 10:15 am</p>${para(0)}${para(1)}${para(2)}</article>`),
      (d) => {
        d.metadata.headline = 'Harbour wall to be rebuilt';
        d.metadata.authors = [{ name: 'Tom Hale', kind: 'person' }];
      },
    );
    const blocks = doc.layers.blocks ?? [];
    assert.equal(blocks[0]?.kind, 'headline');
    assert.equal(doc.text?.slice(blocks[0]!.start, blocks[0]!.end), 'Harbour wall to be rebuilt');
    assert.equal(bodyText(doc), PROSE.slice(0, 3).join('\n\n'));
    // Spans are UTF-16 offsets into text, in order, separated by blank lines.
    for (let i = 1; i < blocks.length; i++) {
      assert.equal(doc.text?.slice(blocks[i - 1]!.end, blocks[i]!.start), '\n\n');
    }
  });

  it('keeps captions as caption blocks, outside the body', () => {
    const doc = run(
      page(`<article>${para(0)}<figure><img src="a.jpg"><figcaption>The breach in the wall after the February storm.</figcaption></figure>${para(1)}${para(2)}</article>`),
    );
    const captions = (doc.layers.blocks ?? []).filter((b) => b.kind === 'caption');
    assert.equal(captions.length, 1);
    assert.doesNotMatch(bodyText(doc), /breach in the wall/);
  });

  it('gives headings, list items, quotes, pre and table rows their kinds', () => {
    const doc = run(
      page(
        `<article>${para(0)}<h2>What happens next</h2>${para(1)}<ul><li>Survey the quarry in April</li><li>Close the car park in May</li></ul>` +
          `<blockquote><p>A wall for another century.</p></blockquote><pre>line one\n  line two</pre>` +
          `<table><tr><th>Phase</th><th>Months</th></tr><tr><td>Foundations</td><td>6</td></tr></table>${para(2)}${para(3)}</article>`,
      ),
    );
    const blocks = doc.layers.blocks ?? [];
    const text = doc.text ?? '';
    const kindOf = (needle: string) => blocks.find((b) => text.slice(b.start, b.end).includes(needle));
    assert.equal(kindOf('What happens next')?.kind, 'heading');
    assert.equal(kindOf('What happens next')?.level, 2);
    assert.equal(kindOf('Survey the quarry')?.kind, 'list-item');
    assert.equal(kindOf('another century')?.kind, 'quote');
    const pre = kindOf('line one');
    assert.equal(pre?.kind, 'preformatted');
    // Newlines survive in pre; runs of spaces collapse as everywhere else.
    assert.equal(text.slice(pre!.start, pre!.end), 'line one\nline two');
    assert.equal(kindOf('Foundations')?.kind, 'table-row');
    assert.equal(text.slice(kindOf('Foundations')!.start, kindOf('Foundations')!.end), 'Foundations 6');
  });

  it('splits paragraphs laid out with <br>', () => {
    const doc = run(page(`<div id="story">${PROSE[0]}<br><br>${PROSE[1]}<br><br>${PROSE[2]}</div>`));
    assert.equal(bodyText(doc), PROSE.slice(0, 3).join('\n\n'));
  });

  it('leaves out a related-stories teaser list inside the article', () => {
    const teasers = ['Lifeboat crew rescue two kayakers off the point', 'New ferry timetable starts next month', 'Fish market reopens after repairs', 'Town band wins regional contest']
      .map((t) => `<div class="card"><a href="/s/${t.length}">${t}</a><span>A short summary of the story.</span></div>`)
      .join('');
    const doc = run(page(`<article>${para(0)}${para(1)}${para(2)}${para(3)}<section>${teasers}</section></article>`));
    assert.doesNotMatch(bodyText(doc), /kayakers|ferry|Fish market|Town band/);
  });

  it('marks a page with no article but still returns its main content', () => {
    const items = Array.from({ length: 12 }, (_, i) => `<li><a href="/p/${i}">Granite garden bench model ${i}</a> <span>£${100 + i}</span></li>`).join('');
    const doc = run(page(`${NAV}<main><h1>Garden benches</h1><ul class="products">${items}</ul></main>${FOOTER}`, '<title>Garden benches</title>'));
    assert.equal(doc.isArticle, false);
    assert.ok(doc.diagnostics.some((d) => d.code === 'EXTRACT_NO_ARTICLE'));
    assert.match(bodyText(doc), /bench model 3/);
  });

  it('survives very deep nesting', () => {
    const deep = `${'<div>'.repeat(700)}${para(0)}${para(1)}${'</div>'.repeat(700)}`;
    const doc = run(page(deep));
    assert.match(bodyText(doc), /harbour wall/);
  });

  it('returns empty text, not an error, for a page with no text', () => {
    const doc = run(page(''));
    assert.equal(doc.text, '');
    assert.deepEqual(doc.layers.blocks, []);
  });
});
