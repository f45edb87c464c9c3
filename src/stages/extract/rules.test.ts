import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createDoc, type NewsDoc } from '../../doc/news-doc.js';
import { parseHtml } from '../parse-html/parse.js';
import { bodyText } from '../../output/json.js';
import { extractStage } from './index.js';
import { isProseSection } from './page-index.js';

const PROSE = [
  'The council voted on Tuesday to rebuild the old harbour wall, which was breached twice during the winter storms and has been closed to walkers since January.',
  'Engineers say the new wall will be a metre higher than the old one and faced with granite taken from the same quarry that supplied the original stone in 1887.',
  'Work is due to start in the spring and take about eighteen months, during which the car park beside the lifeboat station will be used as a site compound.',
  '“We have waited a long time for this, and the town deserves a wall that will last another century,” said the harbour master, Elin Rowe, after the vote.',
];

/** n distinct paragraphs (repeats of a long block are read once). */
const paras = (n: number): string => Array.from({ length: n }, (_, i) => `<p>${PROSE[i % PROSE.length]} (Note ${i}.)</p>`).join('');

function run(html: string, setup?: (doc: NewsDoc) => void): NewsDoc {
  const doc = createDoc({ format: 'html' }, html);
  doc.html = parseHtml(html);
  setup?.(doc);
  return extractStage.run(doc, {});
}

const page = (body: string): string => `<!doctype html><html><head><title>Harbour wall to be rebuilt</title></head><body>${body}</body></html>`;
const NAV = '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>';

describe('extract rules', () => {
  it('reads a <header> holding pages of prose as a section, not the page header', () => {
    assert.equal(isProseSection('header', 3000, 100), true);
    assert.equal(isProseSection('header', 400, 0), false);
    assert.equal(isProseSection('header', 3000, 2000), false);
    assert.equal(isProseSection('nav', 3000, 0), false);
    const doc = run(page(`${NAV}<main><section><p>${PROSE[0]}</p></section><header class="rich-text">${paras(12)}</header></main>`));
    assert.match(bodyText(doc), /eighteen months/);
    assert.ok(bodyText(doc).length > 1500);
  });

  it('still leaves a short page header out', () => {
    const doc = run(page(`<header><p>Coast Gazette, the harbour town's paper since 1901, read by everyone.</p>${NAV}</header><article>${paras(4)}</article>`));
    assert.doesNotMatch(bodyText(doc), /since 1901/);
  });

  it('leaves a small form inside the article out', () => {
    const form = '<form><label>Email address</label><input type="email"><p>Oops! Something went wrong while submitting the form.</p><p>Step 1 of 2. Fields marked * are required.</p></form>';
    const doc = run(page(`<article>${paras(2)}${form}${paras(3)}</article>`));
    assert.doesNotMatch(bodyText(doc), /Oops|Step 1 of 2/);
    assert.match(bodyText(doc), /granite/);
  });

  it('reads a page whose prose is a minor part of its main content as a page, unless it declares an article', () => {
    const items = Array.from({ length: 40 }, (_, i) => `<li><a href="/p/${i}">Harbour model kit number ${i} in oak</a> <span>Scale 1:${50 + i}, with stand and paints</span></li>`).join('');
    const body = `<main><h1>Harbour models</h1><div class="intro">${paras(8)}</div><ul class="grid">${items}</ul></main>`;
    const plain = run(page(body));
    assert.equal(plain.isArticle, false);
    assert.match(bodyText(plain), /kit number 12/);
    const declared = run(`<!doctype html><html><head><meta property="og:type" content="article"><title>Harbour models</title></head><body>${body}</body></html>`);
    assert.equal(declared.isArticle, true);
  });

  it('keeps the title heading of a page that is not an article', () => {
    const items = Array.from({ length: 12 }, (_, i) => `<li><a href="/p/${i}">Granite garden bench model ${i}</a> <span>£${100 + i}</span></li>`).join('');
    const doc = run(page(`${NAV}<main><h1>Garden benches</h1><ul class="products">${items}</ul></main>`), (d) => {
      d.metadata.headline = 'Garden benches';
    });
    assert.equal(doc.isArticle, false);
    assert.match(bodyText(doc), /^Garden benches/);
  });

  it('reads a long block the page repeats word for word once', () => {
    const doc = run(page(`<article>${paras(4)}<div class="mobile-copy">${paras(4)}</div><p>Short line.</p><p>Short line.</p></article>`));
    const body = bodyText(doc);
    assert.equal(body.split(PROSE[1]!).length - 1, 1);
    assert.equal(body.split('Short line.').length - 1, 2);
  });
});
