import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from '../parse-html/parse.js';
import { createDoc } from '../../doc/news-doc.js';
import { metadataStage, readMetadata } from './index.js';
import { parseJsonLd } from './json-ld.js';
import { dateFromUrl, parseDate } from './dates.js';
import { parseByline } from './authors.js';
import { normalizeSpace, stripSiteName } from './headline.js';
import { guessLanguage, normalizeLanguage } from './language.js';

function read(html: string, url = 'https://news.example.com/story') {
  return readMetadata(parseHtml(html).root, url);
}

function page(head: string, body = ''): string {
  return `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
}

// ---------- JSON-LD robustness ----------

test('json-ld: parses clean, commented, CDATA-wrapped, trailing-comma and control-char scripts', () => {
  assert.deepEqual(parseJsonLd('{"a":1}'), [{ a: 1 }]);
  assert.deepEqual(parseJsonLd('<!-- {"a":1} -->'), [{ a: 1 }]);
  assert.deepEqual(parseJsonLd('//<![CDATA[\n{"a":1}\n//]]>'), [{ a: 1 }]);
  assert.deepEqual(parseJsonLd('{"a":[1,2,],}'), [{ a: [1, 2] }]);
  assert.deepEqual(parseJsonLd('{"a":"line\nbreak"}'), [{ a: 'line break' }]);
  assert.deepEqual(parseJsonLd('{"a":1}{"b":2}'), [[{ a: 1 }, { b: 2 }]]);
});

test('json-ld: broken JSON salvages flat fields and never throws', () => {
  const out = parseJsonLd('{"@type":"NewsArticle","headline":"He said "hi"","datePublished":"2022-09-16", oops');
  assert.equal((out[0] as Record<string, unknown>).datePublished, '2022-09-16');
  assert.deepEqual(parseJsonLd('{{{{'), []);
  assert.deepEqual(parseJsonLd(''), []);
});

// ---------- dates ----------

test('dates: ISO, RFC 2822, month names, numeric forms, timestamps', () => {
  assert.equal(parseDate('2022-09-16T10:00:00-04:00')?.value, '2022-09-16T10:00:00-04:00');
  assert.equal(parseDate('2022-09-16')?.value, '2022-09-16');
  assert.equal(parseDate('2022-09-16T10:00:00.000Z')?.value, '2022-09-16T10:00:00Z');
  assert.equal(parseDate('Fri, 16 Sep 2022 14:30:00 GMT')?.value, '2022-09-16T14:30:00Z');
  assert.equal(parseDate('September 16, 2022')?.day, '2022-09-16');
  assert.equal(parseDate('Sept. 16th, 2022')?.day, '2022-09-16');
  assert.equal(parseDate('16 September 2022')?.day, '2022-09-16');
  assert.equal(parseDate('16. September 2022')?.day, '2022-09-16');
  assert.equal(parseDate('16 de septiembre de 2022')?.day, '2022-09-16');
  assert.equal(parseDate('2022/09/16')?.day, '2022-09-16');
  assert.equal(parseDate('16.09.2022')?.day, '2022-09-16');
  assert.equal(parseDate('09/16/2022')?.day, '2022-09-16');
  assert.equal(parseDate('03/04/2022', { dayFirst: true })?.day, '2022-04-03');
  assert.equal(parseDate('1663336800')?.day, '2022-09-16');
});

test('dates: implausible dates are refused', () => {
  assert.equal(parseDate('1970-01-01'), undefined);
  assert.equal(parseDate('2022-02-30'), undefined);
  assert.equal(parseDate(`${new Date().getUTCFullYear() + 3}-01-01`), undefined);
  assert.equal(parseDate('no date here'), undefined);
});

test('dates: from the URL path', () => {
  assert.equal(dateFromUrl('https://x.com/2022/09/16/story')?.day, '2022-09-16');
  assert.equal(dateFromUrl('https://x.com/news/2022-09-16-story')?.day, '2022-09-16');
  assert.equal(dateFromUrl('https://x.com/20220916/story')?.day, '2022-09-16');
  assert.equal(dateFromUrl('https://x.com/2022/09/story'), undefined);
  assert.equal(dateFromUrl('not a url'), undefined);
});

test('published: JSON-LD (in @graph and arrays) wins over meta and is sourced json-ld', () => {
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'Example News' },
      [{ '@type': 'NewsArticle', headline: 'Big story', datePublished: '2022-09-16T08:00:00+02:00', dateModified: '2022-09-17T09:00:00+02:00' }],
    ],
  });
  const m = read(page(`<script type="application/ld+json">${ld}</script><meta property="article:published_time" content="2021-01-01">`)).metadata;
  assert.deepEqual(m.published, { value: '2022-09-16T08:00:00+02:00', source: 'json-ld' });
  assert.deepEqual(m.modified, { value: '2022-09-17T09:00:00+02:00', source: 'json-ld' });
});

test('published: microdata itemprop', () => {
  const m = read(page('', '<article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Hi there world</h1><time itemprop="datePublished" datetime="2022-09-16">Sept 16</time></article>')).metadata;
  assert.deepEqual(m.published, { value: '2022-09-16', source: 'microdata' });
});

test('published: meta tags of several vocabularies', () => {
  for (const tag of [
    '<meta property="article:published_time" content="2022-09-16T10:00:00Z">',
    '<meta name="parsely-pub-date" content="2022-09-16T10:00:00Z">',
    '<meta name="sailthru.date" content="2022-09-16 10:00:00">',
    '<meta name="dc.date" content="2022-09-16">',
    '<meta name="date" content="2022-09-16">',
  ]) {
    const m = read(page(tag)).metadata;
    assert.equal(m.published?.source, 'meta', tag);
    assert.equal(m.published?.value.slice(0, 10), '2022-09-16', tag);
  }
});

test('published: <time datetime> near the headline', () => {
  const m = read(page('', '<h1>The headline of the story</h1><p class="byline">By Jane Doe <time datetime="2022-09-16T10:00:00-04:00">Sept 16</time></p><p>Body.</p>')).metadata;
  assert.deepEqual(m.published, { value: '2022-09-16T10:00:00-04:00', source: 'time-element' });
});

test('published: from the URL, then from visible text; never a copyright year', () => {
  const fromUrl = read(page('', '<h1>Story title here</h1><p>Text.</p>'), 'https://x.com/2022/09/16/story').metadata;
  assert.deepEqual(fromUrl.published, { value: '2022-09-16', source: 'url' });
  const fromText = read(page('', '<h1>Story title here</h1><p>Published September 16, 2022</p><p>Text.</p><footer>© 2024 Example</footer>')).metadata;
  assert.deepEqual(fromText.published, { value: '2022-09-16', source: 'visible-text' });
  const none = read(page('', '<h1>Story title here</h1><p>Text.</p><footer>© 2024 Example. Copyright 2024.</footer>')).metadata;
  assert.equal(none.published, undefined);
});

test('published: a full <time datetime> by the byline is preferred over the URL day', () => {
  const body = '<h1>Story title here</h1><div class="meta"><span class="author">Jane Doe</span> <time datetime="2024-05-20T10:00:00+09:00">May 20</time></div><p>Text.</p>';
  const m = read(page('', body), 'https://x.com/news/20240520/story').metadata;
  assert.deepEqual(m.published, { value: '2024-05-20T10:00:00+09:00', source: 'time-element' });
  // A day-only <time>, or one on another day without a "published" label, leaves the URL's day.
  const dayOnly = read(page('', body.replace('2024-05-20T10:00:00+09:00', '2024-05-20')), 'https://x.com/news/20240520/story').metadata;
  assert.deepEqual(dayOnly.published, { value: '2024-05-20', source: 'url' });
  const otherDay = read(page('', body.replace('2024-05-20T10:00', '2024-06-02T10:00')), 'https://x.com/news/20240520/story').metadata;
  assert.deepEqual(otherDay.published, { value: '2024-05-20', source: 'url' });
});

test('published: <time pubdate> is an explicit claim; a lone modified date is the last resort', () => {
  const ld = '<script type="application/ld+json">{"@type":"Article","datePublished":"2023-01-05"}</script>';
  const m = read(page(ld, '<h1>Story headline here</h1><p>Text.</p>' + '<p>filler</p>'.repeat(50) + '<time pubdate datetime="2022-09-16">Sept 16</time>')).metadata;
  assert.deepEqual(m.published, { value: '2022-09-16', source: 'time-element' });
  const onlyModified = read(page('<meta property="article:modified_time" content="2023-01-01">')).metadata;
  assert.equal(onlyModified.published?.value, '2023-01-01');
});

test('published: the publish claim is preferred over the modified one', () => {
  const m = read(page('<meta property="article:modified_time" content="2023-01-01"><meta property="article:published_time" content="2022-09-16">')).metadata;
  assert.equal(m.published?.value, '2022-09-16');
  assert.equal(m.modified?.value, '2023-01-01');
});

// ---------- authors ----------

test('authors: person and agency told apart', () => {
  assert.deepEqual(parseByline('By Jane Doe, Reuters'), [
    { name: 'Jane Doe', kind: 'person' },
    { name: 'Reuters', kind: 'agency' },
  ]);
  assert.deepEqual(parseByline('By The Associated Press'), [{ name: 'AP', kind: 'agency' }]);
  assert.deepEqual(parseByline('AFP'), [{ name: 'AFP', kind: 'agency' }]);
  assert.deepEqual(parseByline('Jane Doe (Bloomberg)'), [
    { name: 'Jane Doe', kind: 'person' },
    { name: 'Bloomberg', kind: 'agency' },
  ]);
});

test('authors: "By", "and", roles, credentials and emails cleaned', () => {
  assert.deepEqual(parseByline('By Jane Doe and John Roe').map((a) => a.name), ['Jane Doe', 'John Roe']);
  assert.deepEqual(parseByline('Written by: Jane Doe, Staff Writer').map((a) => a.name), ['Jane Doe']);
  assert.deepEqual(parseByline('Jane Doe jane@example.com').map((a) => a.name), ['Jane Doe']);
  assert.deepEqual(parseByline('Dylan Bailey, MS, RD, FAND').map((a) => a.name), ['Dylan Bailey']);
  assert.deepEqual(parseByline('Danielle DeSiato, Donna Enzmann, and Natalie Nguyen').map((a) => a.name), [
    'Danielle DeSiato',
    'Donna Enzmann',
    'Natalie Nguyen',
  ]);
  assert.deepEqual(parseByline('Jane Doe | Updated Sept 16, 2022').map((a) => a.name), ['Jane Doe']);
  assert.deepEqual(parseByline('admin'), []);
  assert.deepEqual(parseByline('https://www.facebook.com/jane'), []);
});

test('authors: group bylines are organizations', () => {
  assert.deepEqual(parseByline('Everfit Team'), [{ name: 'Everfit Team', kind: 'organization' }]);
  assert.deepEqual(parseByline('Center for Drug Evaluation and Research'), [
    { name: 'Center for Drug Evaluation and Research', kind: 'organization' },
  ]);
});

test('authors: from JSON-LD (with @id references), microdata, meta and visible byline', () => {
  const ld = JSON.stringify({
    '@graph': [
      { '@type': 'Article', headline: 'A story', author: [{ '@id': '#p1' }, { '@type': 'Person', name: 'John Roe' }] },
      { '@type': 'Person', '@id': '#p1', name: 'Jane Doe' },
    ],
  });
  assert.deepEqual(read(page(`<script type="application/ld+json">${ld}</script>`)).metadata.authors.map((a) => a.name), ['Jane Doe', 'John Roe']);
  const md = read(page('', '<article itemscope><span itemprop="author" itemscope><span itemprop="name">Jane Doe</span></span></article>')).metadata;
  assert.deepEqual(md.authors, [{ name: 'Jane Doe', kind: 'person' }]);
  const meta = read(page('<meta name="author" content="Jane Doe">')).metadata;
  assert.deepEqual(meta.authors, [{ name: 'Jane Doe', kind: 'person' }]);
  const visible = read(page('', '<h1>The story of the day</h1><div class="byline">By <a href="/j">Jane Doe</a></div><p>Body text.</p>')).metadata;
  assert.deepEqual(visible.authors, [{ name: 'Jane Doe', kind: 'person' }]);
  const textOnly = read(page('', '<h1>The story of the day</h1><p>Written by</p><p>Jane Doe</p><p>Body text.</p>')).metadata;
  assert.deepEqual(textOnly.authors, [{ name: 'Jane Doe', kind: 'person' }]);
});

test('authors: a person named in the byline is preferred over an organization in the data', () => {
  const ld = JSON.stringify({ '@type': 'NewsArticle', author: { '@type': 'Organization', name: 'Example News' } });
  const m = read(page(`<script type="application/ld+json">${ld}</script>`, '<h1>Headline of the story</h1><p class="byline">By Jane Doe</p>')).metadata;
  assert.deepEqual(m.authors, [{ name: 'Jane Doe', kind: 'person' }]);
});

test('authors: a desk or role after the name is not a second author', () => {
  assert.deepEqual(parseByline('By Walt Kimura, Observer staff'), [{ name: 'Walt Kimura', kind: 'person' }]);
  assert.deepEqual(parseByline('By John Roe, special to the Globe').map((a) => a.name), ['John Roe']);
  assert.deepEqual(parseByline('Jane Doe, Washington correspondent').map((a) => a.name), ['Jane Doe']);
  assert.deepEqual(parseByline('Jane Doe, Herald staff writer').map((a) => a.name), ['Jane Doe']);
  assert.deepEqual(parseByline('Jane Doe and John Roe, contributors').map((a) => a.name), ['Jane Doe', 'John Roe']);
  // A group byline on its own stays.
  assert.deepEqual(parseByline('Observer staff'), [{ name: 'Observer staff', kind: 'organization' }]);
});

test('authors: Chinese, Japanese and Korean names, role words dropped', () => {
  assert.deepEqual(parseByline('佐藤 健一'), [{ name: '佐藤 健一', kind: 'person' }]);
  assert.deepEqual(parseByline('佐藤健一記者'), [{ name: '佐藤健一', kind: 'person' }]);
  assert.deepEqual(parseByline('佐藤健一（編集委員）'), [{ name: '佐藤健一', kind: 'person' }]);
  assert.deepEqual(parseByline('记者 张伟'), [{ name: '张伟', kind: 'person' }]);
  assert.deepEqual(parseByline('홍길동 기자'), [{ name: '홍길동', kind: 'person' }]);
  assert.deepEqual(parseByline('佐藤健一、山田花子').map((a) => a.name), ['佐藤健一', '山田花子']);
  assert.deepEqual(parseByline('みなと新報編集部'), [{ name: 'みなと新報編集部', kind: 'organization' }]);
  assert.deepEqual(parseByline('記者'), []);
  assert.deepEqual(parseByline('赤字ローカル線、観光列車で再生へ沿線自治体が新会社を設立することになった'), []);
  assert.deepEqual(parseByline('观光列车，沿线三个城镇将共同设立新的运营公司以重振地方铁路'), []);
  const meta = read(page('<meta name="author" content="佐藤 健一">')).metadata;
  assert.deepEqual(meta.authors, [{ name: '佐藤 健一', kind: 'person' }]);
  const visible = read(page('', '<h1>観光列車で再生へ</h1><div class="meta"><span class="author">佐藤 健一 記者</span></div><p>本文。</p>')).metadata;
  assert.deepEqual(visible.authors, [{ name: '佐藤 健一', kind: 'person' }]);
});

test('authors: "Posted on <date> by" and "Posted in <category> by" lines', () => {
  const onDate = read(page('', '<h1>Sheepdog trials return to the fell</h1><p class="meta">Posted on 17 September 2022 by Alan Threlkeld</p><p>Body text.</p>')).metadata;
  assert.deepEqual(onDate.authors, [{ name: 'Alan Threlkeld', kind: 'person' }]);
  const inCategory = read(page('', '<h1>Library extends opening hours</h1><div class="entry-meta">Posted in <a href="/category/news/">News</a> by Marcus Bell</div><p>Body text.</p>')).metadata;
  assert.deepEqual(inCategory.authors, [{ name: 'Marcus Bell', kind: 'person' }]);
  const sentence = read(page('', '<h1>Library extends opening hours</h1><p>Published in 2020 by the council, the report was ignored.</p>')).metadata;
  assert.deepEqual(sentence.authors, []);
  const review = read(page('', '<h1>Protection you can count on</h1><blockquote>Great service.<br><span>Posted on Trustpilot.com by Pat K.</span></blockquote>')).metadata;
  assert.deepEqual(review.authors, []);
});

test('authors: an /author/ or rel=author link by the headline, not one far down the page', () => {
  const near = read(page('', '<h1>Library extends opening hours</h1><div class="entry-meta"><a href="/author/marcus-bell/">Marcus Bell</a></div><p>Body text.</p>')).metadata;
  assert.deepEqual(near.authors, [{ name: 'Marcus Bell', kind: 'person' }]);
  const rel = read(page('', '<h1>Library extends opening hours</h1><div><a rel="author" href="/people/mb">Marcus Bell</a></div><p>Body text.</p>')).metadata;
  assert.deepEqual(rel.authors, [{ name: 'Marcus Bell', kind: 'person' }]);
  const far = read(page('', `<h1>Library extends opening hours</h1>${'<p>A long paragraph of body text that goes on and on.</p>'.repeat(60)}<aside><a href="/author/someone-else/">Someone Else</a></aside>`)).metadata;
  assert.deepEqual(far.authors, []);
  const menu = read(page('', '<ul class="sub-menu"><li class="menu-item"><a href="/author/xavierlo/">Hong Kong Actuary</a></li></ul><h1>Consulting versus insurance</h1><p>Body text.</p>')).metadata;
  assert.deepEqual(menu.authors, []);
});

// ---------- headline ----------

test('headline: site-name suffixes and prefixes removed', () => {
  assert.equal(stripSiteName('Foo bar baz | Site', ['Site']), 'Foo bar baz');
  assert.equal(stripSiteName('Site - Foo bar baz', ['Site']), 'Foo bar baz');
  assert.equal(stripSiteName('Foo: the bar | News | Example', ['Example']), 'Foo: the bar');
  assert.equal(stripSiteName('Xi, Putin look to challenge order – The Daily', []), 'Xi, Putin look to challenge order');
  assert.equal(stripSiteName('COVID-19 cases rise again', ['Site']), 'COVID-19 cases rise again');
});

test('headline: og:title, JSON-LD and h1 reconciled with <title>', () => {
  const agree = read(page('<title>Xi, Putin look to challenge order | The Daily</title><meta property="og:title" content="Xi, Putin look to challenge order">', '<h1>Site logo</h1><h1>Xi, Putin look to challenge order</h1>'));
  assert.equal(agree.metadata.headline, 'Xi, Putin look to challenge order');
  const ldOnly = read(page(`<title>Home</title><script type="application/ld+json">{"@type":"NewsArticle","headline":"Markets slide on rate fears"}</script>`));
  assert.equal(ldOnly.metadata.headline, 'Markets slide on rate fears');
  const titleOnly = read(page('<title>Markets slide on rate fears - Example Times</title><meta property="og:site_name" content="Example Times">'));
  assert.equal(titleOnly.metadata.headline, 'Markets slide on rate fears');
});

test('headline: a lone ideographic space (U+3000) is kept, other whitespace runs collapse', () => {
  assert.equal(normalizeSpace('  赤字ローカル線\u3000沿線自治体が新会社 '), '赤字ローカル線\u3000沿線自治体が新会社');
  assert.equal(normalizeSpace('a \u3000 b\n\tc\u00a0d'), 'a b c d');
  const m = read(page('<title>赤字ローカル線、観光列車で再生へ\u3000沿線自治体が新会社 | みなと新報</title><meta property="og:site_name" content="みなと新報">', '<h1>赤字ローカル線、観光列車で再生へ\u3000沿線自治体が新会社</h1>')).metadata;
  assert.equal(m.headline, '赤字ローカル線、観光列車で再生へ\u3000沿線自治体が新会社');
});

// ---------- site, language, canonical, description, image, body ----------

test('site name, language, canonical, description, image', () => {
  const m = read(
    page(
      '<meta property="og:site_name" content="Example News"><meta property="og:description" content="What happened."><link rel="canonical" href="/story?id=1"><meta property="og:image" content="/img/lead.jpg">',
    ).replace('<html>', '<html lang="en_GB">'),
    'https://news.example.com/a/b',
  ).metadata;
  assert.equal(m.siteName, 'Example News');
  assert.equal(m.language, 'en-GB');
  assert.equal(m.canonicalUrl, 'https://news.example.com/story?id=1');
  assert.equal(m.description, 'What happened.');
  assert.equal(m.image, 'https://news.example.com/img/lead.jpg');
  const fallback = read(page(''), 'https://www.example.org/x').metadata;
  assert.equal(fallback.siteName, 'example.org');
});

test('language: declared forms normalized, else guessed from words', () => {
  assert.equal(normalizeLanguage('en_US'), 'en-US');
  assert.equal(normalizeLanguage('DE'), 'de');
  assert.equal(normalizeLanguage('zh-hans'), 'zh-Hans');
  assert.equal(normalizeLanguage('??'), undefined);
  assert.equal(guessLanguage('The minister said that the talks with the unions were not going well and that it was time for the government to act on this.'), 'en');
  assert.equal(guessLanguage('Der Minister sagte, dass die Gespräche mit den Gewerkschaften nicht gut liefen und es Zeit für die Regierung sei, zu handeln, und das ist auch so.'), 'de');
  const content = read(page('<meta http-equiv="content-language" content="fr">')).metadata;
  assert.equal(content.language, 'fr');
  const og = read(page('<meta property="og:locale" content="es_ES">')).metadata;
  assert.equal(og.language, 'es-ES');
});

test('language: guessed from the script of CJK text, even among Latin words', () => {
  assert.equal(guessLanguage('東京で開かれた首脳会議は、各国の代表が経済と安全保障について話し合いました。会議は二日間続きます。'), 'ja');
  assert.equal(guessLanguage('上海合作组织峰会在天津举行，各国领导人讨论了经济合作与地区安全问题。会议持续两天。'), 'zh');
  assert.equal(guessLanguage('서울에서 열린 정상회의에서 각국 대표들은 경제 협력과 지역 안보 문제를 논의했습니다. 회의는 이틀 동안 계속됩니다.'), 'ko');
  // A few Han characters in an English text do not make it Chinese.
  assert.equal(guessLanguage('The minister said that the talks in 東京 with the unions were not going well and that it was time for the government to act on this.'), 'en');
});

test('structured body: JSON-LD articleBody (in @graph) and microdata articleBody', () => {
  const body = 'First paragraph of the article, long enough to count.\n\nSecond paragraph.';
  const ld = JSON.stringify({ '@graph': [{ '@type': 'ReportageNewsArticle', articleBody: body }] });
  assert.equal(read(page(`<script type="application/ld+json">${ld}</script>`)).structuredBody, body);
  const md = read(page('', '<div itemprop="articleBody"><p>First paragraph of the article, long enough to count.</p><p>Second.</p></div>'));
  assert.equal(md.structuredBody, 'First paragraph of the article, long enough to count.\nSecond.');
});

test('stage: fills doc.metadata and doc.structuredBody, notes a missing date, survives junk', () => {
  const doc = createDoc({ format: 'html', url: 'https://x.com/a' }, '');
  doc.html = parseHtml('<html><head><script type="application/ld+json">{not json at all</script><title>Hello world story</title></head><body></body></html>');
  metadataStage.run(doc, undefined);
  assert.equal(doc.metadata.headline, 'Hello world story');
  assert.ok(doc.diagnostics.some((d) => d.code === 'METADATA_NO_DATE'));
});

test('stage: deep nesting does not overflow the stack', () => {
  const html = `<html><body><h1>Deep page title</h1>${'<div>'.repeat(5000)}<p class="byline">By Jane Doe</p>${'</div>'.repeat(5000)}</body></html>`;
  const m = read(html).metadata;
  assert.equal(m.headline, 'Deep page title');
});
