import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleJson } from '../../output/json.js';
import type { EntityJson, QuoteJson } from '../../output/understanding.js';
import type { Block } from '../../doc/news-doc.js';
import type { StoredArticle } from '../../store/queries.js';
import { render } from './html.js';
import { articlePage } from './article-page.js';
import { assertSafeMarkup, attributeValues, textOf, XSS_IMG, XSS_SCRIPT } from './test-support.js';


const headline = `Putin ${XSS_IMG} speaks`;
const paragraph1 = 'SAMARKAND, Uzbekistan: Russian President Vladimir Putin said "we stand with Xi <script>alert(1)</script>" on Friday.';
const heading = 'Reactions';
const paragraph2 = 'He called it Shanghai "Cooperation Organisation is dead" today, said the Zorblax spokesman.';
const item1 = 'First point';
const item2 = 'Second point';
const text = [headline, paragraph1, heading, paragraph2, item1, item2].join('\n\n');

/** The span of the first `needle` at or after `from`. */
function span(needle: string, from = 0): { start: number; end: number; text: string } {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length, text: needle };
}

function block(kind: Block['kind'], content: string, level?: number): Block {
  const { start, end } = span(content);
  return level === undefined ? { kind, start, end } : { kind, start, end, level };
}

const p1 = span(paragraph1).start;
const p2 = span(paragraph2).start;

function entity(id: number, type: EntityJson['type'], name: string, mentions: { start: number; end: number; text: string }[], roles: string[] = []): EntityJson {
  return { id, type, name, acronyms: [], roles: roles.map((role) => span(role)), mentions, references: [] };
}

const directQuote: QuoteJson = {
  ...span('we stand with Xi <script>alert(1)</script>'),
  kind: 'direct',
  cue: span('said', p1),
  speakerMention: span('Vladimir Putin'),
  speaker: { id: 0, name: 'Vladimir Putin' },
  attribution: 'cue',
  act: 'speech',
  speakerAntecedent: null,
  speakerKind: 'person',
  confidence: 0.93,
};
const partialQuote: QuoteJson = { ...span('Cooperation Organisation is dead'), kind: 'partial', cue: span('called'), speakerMention: span('He', p2), speaker: null, attribution: 'cue', act: 'speech', speakerAntecedent: null, speakerKind: 'unresolved', confidence: 0.3 };

const json: ArticleJson = {
  source: { format: 'html', url: 'https://en.wikinews.org/wiki/Putin_speaks' },
  isArticle: true,
  headline,
  authors: [{ name: XSS_SCRIPT, kind: 'person' }],
  published: { value: '2020-03-07', source: 'meta' },
  modified: null,
  siteName: `Wikinews ${XSS_IMG}`,
  language: 'en',
  canonicalUrl: null,
  description: null,
  image: null,
  dateline: { start: p1, end: p1 + 21, text: 'SAMARKAND, Uzbekistan', place: 'Samarkand', country: 'Uzbekistan' },
  body: '',
  text,
  blocks: [block('headline', headline), block('paragraph', paragraph1), block('heading', heading, 2), block('paragraph', paragraph2), block('list-item', item1), block('list-item', item2)],
  furniture: [
    { kind: 'share-prompt', reason: 'a call to share', text: `Share ${XSS_IMG}` },
    { kind: 'navigation', reason: `menu ${XSS_SCRIPT}`, text: 'Home | World' },
  ],
  sentences: [],
  entities: [
    entity(0, 'PER', 'Vladimir Putin', [span('Vladimir Putin'), span('Putin')], ['Russian President']),
    entity(1, 'ORG', XSS_SCRIPT, [span('Shanghai "Cooperation Organisation')]),
    entity(2, 'LOC', 'Samarkand', [span('SAMARKAND')]),
    entity(3, 'MISC', `Zorblax ${XSS_IMG}`, [span('Zorblax')]),
    entity(4, 'PER', 'Xi Jinping', [span('Xi <')].map((mention) => ({ ...mention, end: mention.end - 2, text: 'Xi' }))),
  ],
  quotes: [directQuote, partialQuote],
  times: [{ ...span('on Friday'), relative: true, value: '2020-03-06' }],
  extractedBy: 'test',
  diagnostics: [],
  stages: [],
};

const article: StoredArticle = {
  id: 5,
  url: 'https://en.wikinews.org/wiki/Putin_speaks',
  site: 'en.wikinews.org',
  ingestedAt: '2020-03-08T00:00:00Z',
  json: JSON.stringify(json),
  entityIds: { 0: 101, 1: 102, 2: 103, 4: 104 },
  links: null,
};

function renderArticle(overrides: Partial<StoredArticle> = {}, jsonOverrides: Partial<ArticleJson> = {}): string {
  const out = render(articlePage({ article: { ...article, ...overrides }, json: { ...json, ...jsonOverrides } }));
  assertSafeMarkup(out);
  return out;
}

test('article page: hostile headline, byline, site, names, quotes and furniture are escaped', () => {
  const out = renderArticle();
  assert.ok(!out.includes('<img') && !out.includes('<script'));
  assert.ok(out.includes('<h1>Putin &lt;img src=x onerror=alert(1)&gt; speaks</h1>'));
  assert.ok(textOf(out).includes(`By ${XSS_SCRIPT}`));
  assert.ok(textOf(out).includes(`Wikinews ${XSS_IMG}`));
  assert.ok(textOf(out).includes(`menu ${XSS_SCRIPT}`));
});

test('article page: mentions link to their entity, nest inside quotes, and split where they cross one', () => {
  const out = renderArticle();
  assert.ok(out.includes('<span class="dateline"><a class="entity entity-place" href="/entities/103">SAMARKAND</a>, Uzbekistan</span>'));
  assert.ok(out.includes('Russian President <a class="entity entity-person" href="/entities/101">Vladimir Putin</a> said'));
  assert.ok(
    out.includes(
      'said <q class="quote quote-direct">&quot;we stand with <a class="entity entity-person" href="/entities/104">Xi</a> &lt;script&gt;alert(1)&lt;/script&gt;&quot;</q> <a class="speaker" href="/entities/101">— Vladimir Putin</a> on Friday.',
    ),
  );
  assert.ok(
    out.includes(
      'it <a class="entity entity-organisation" href="/entities/102">Shanghai </a><q class="quote quote-partial"><a class="entity entity-organisation" href="/entities/102">&quot;Cooperation Organisation</a> is dead&quot;</q> <span class="speaker">— He</span> today',
    ),
  );
  assert.ok(out.includes('the <span class="entity entity-other">Zorblax</span> spokesman'), 'no collection id: a span, not a link');
});

test('article page: body blocks keep their kinds; the headline is not repeated in the body', () => {
  const out = renderArticle();
  assert.ok(out.includes('<h2>Reactions</h2>'));
  assert.ok(out.includes('<ul><li>First point</li>\n<li>Second point</li>\n</ul>'));
  assert.equal(out.match(/Putin &lt;img/g)?.length, 2, 'h1 and credit');
});

test('article page: entity lists, quotes, times and furniture', () => {
  const out = renderArticle();
  const plain = textOf(out);
  for (const title of ['People', 'Organisations', 'Places', 'Other names', 'Quotes', 'Times']) assert.ok(out.includes(`>${title}</h2>`), title);
  assert.ok(plain.includes('Vladimir Putin (Russian President) 2 mentions'));
  assert.ok(out.includes(`<a class="entity entity-organisation" href="/entities/102">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a>`));
  assert.ok(plain.includes('we stand with Xi <script>alert(1)</script> — Vladimir Putin (direct)'));
  assert.ok(plain.includes('Cooperation Organisation is dead — He (partial)'));
  assert.ok(out.includes('on Friday → <time datetime="2020-03-06">2020-03-06</time>'));
  assert.ok(out.includes('<summary>2 blocks set aside as page furniture</summary>'));
  assert.ok(plain.includes('share-prompt: Share <img src=x onerror=alert(1)> Why: a call to share'));
});

test('article page: the original is linked safely, and a Wikinews article is credited', () => {
  const out = renderArticle();
  assert.ok(out.includes('<a class="external" href="https://en.wikinews.org/wiki/Putin_speaks" rel="noopener noreferrer nofollow ugc" referrerpolicy="no-referrer">Read the original</a>'));
  assert.ok(textOf(out).includes(`"${headline}", Wikinews, 2020-03-07, https://en.wikinews.org/wiki/Putin_speaks, CC BY 2.5`));
  assert.ok(attributeValues(out, 'a', 'href').includes('https://creativecommons.org/licenses/by/2.5/'));
});

test('article page: a script URL is shown as text, never linked; other sites get no Wikinews credit', () => {
  const out = renderArticle({ url: 'javascript:alert(1)' }, { source: { format: 'html' } });
  assert.ok(!attributeValues(out, 'a', 'href').some((href) => href.includes('javascript')));
  assert.ok(out.includes('<span class="url">javascript:alert(1)</span>'));
  assert.ok(!out.includes('class="credit"'));
  const elsewhere = renderArticle({ url: 'https://evilwikinews.org/x' });
  assert.ok(!elsewhere.includes('class="credit"'), 'a look-alike host is not Wikinews');
});

test('article page: an article with no headline, blocks or understanding still renders', () => {
  const out = renderArticle({ url: null, entityIds: {} }, { headline: null, blocks: [], entities: [], quotes: [], times: [], furniture: [], dateline: null, authors: [], siteName: null, published: null, text: '' });
  assert.ok(out.includes('<h1>Untitled article</h1>'));
  assert.ok(!out.includes('<details'));
});

test('article page: a quote takes in its quotation marks, after the sentence\'s punctuation, so the speaker follows them', () => {
  const small = '“Go,” he said. “Stop” now. «Non».';
  const quote = (start: number, end: number): QuoteJson => ({ start, end, text: small.slice(start, end), kind: 'direct', cue: null, speakerMention: { start: 6, end: 8, text: 'he' }, speaker: null, attribution: 'cue', act: 'speech', speakerAntecedent: null, speakerKind: 'unresolved', confidence: 0.3 });
  const out = renderArticle({ entityIds: {} }, { text: small, blocks: [{ kind: 'paragraph', start: 0, end: small.length }], entities: [], dateline: null, quotes: [quote(1, 3), quote(16, 20), quote(28, 31)] });
  assert.ok(out.includes('<p><q class="quote quote-direct">“Go,”</q> <span class="speaker">— he</span> he said. <q class="quote quote-direct">“Stop”</q> <span class="speaker">— he</span> now. <q class="quote quote-direct">«Non»</q> <span class="speaker">— he</span>.</p>'));
});

test('article page: its story, and for a later copy the earliest copy with what it changed; hostile headlines escaped', () => {
  const ref = (id: number, headline: string) => ({ id, headline, url: null, published: '2020-03-07', site: 'copies.test' });
  const story = { id: 9, label: `Summit ${XSS_SCRIPT}`, articles: 4, copies: 1, first: '2020-03-06', last: '2020-03-08' };
  const out = render(
    articlePage({
      article: { ...article, links: { story, original: ref(3, `First ${XSS_IMG}`), copies: [ref(3, `First ${XSS_IMG}`), ref(7, 'Third')], related: [{ ...story, id: 12, label: 'Summit aftermath', score: 0.2, shared: [] }] } },
      json,
      changes: { added: 1, removed: 0, edited: 2, unchanged: 5 },
    }),
  );
  assertSafeMarkup(out);
  assert.ok(textOf(out).includes(`Part of the story Summit ${XSS_SCRIPT} (4 articles).`));
  assert.ok(out.includes('<a href="/stories/9">'));
  assert.ok(textOf(out).includes(`A copy of First ${XSS_IMG} copies.test, 2020-03-07, published first: 5 paragraphs the same, 2 paragraphs reworded, 1 paragraph added.`));
  assert.ok(out.includes('2 other copies of this text'));
  assert.ok(out.includes('<a href="/stories/12">Summit aftermath</a>'), 'the related stories of its story');
  const first = render(
    articlePage({
      article: { ...article, links: { story, original: null, copies: [ref(7, 'Third')], related: [] } },
      json,
      copyChanges: new Map([[7, { added: 0, removed: 2, edited: 0, unchanged: 4 }]]),
    }),
  );
  assert.ok(textOf(first).includes('Third copies.test, 2020-03-07: 4 paragraphs the same, 2 paragraphs left out'), 'the earliest copy says what each later one changed');
  assert.ok(!renderArticle().includes('links-heading'), 'an article stored unlinked has no such section');
});
