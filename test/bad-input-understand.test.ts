/**
 * Bad input for the understanding stages (issue 3, "Bad input"): text with no sentence
 * end, a 1 MB paragraph, unbalanced quotation marks, all-caps text and text in other
 * languages each give a result or a clear diagnostic, quickly, never a crash. Every
 * input is built here at run time (Wikinews sentences from demo/wikinews, CC BY 2.5, or
 * paragraphs written for this test). Through `read()` as a library user calls it, and
 * through the built CLI (`npm run build` first; `npm test` does).
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DatelineError } from '../src/doc/errors.js';
import type { NewsDoc } from '../src/doc/news-doc.js';
import type { Span } from '../src/doc/span.js';
import { read, type ReadInput } from '../src/read.js';
import { hasStack, jsonLines, runCli, tempDir } from './helpers/cli.js';
import { WIKINEWS } from './helpers/repo.js';
import { seededRandom as random } from '../scripts/lib/seeded-random.js';

/** The issue's bound, for inputs up to a few hundred KB, once the process is warm. */
const LIMIT_MS = 5_000;
/** The CLI's own time limit (7.5 s) plus stopping the worker and the process. */
const CLI_LIMIT_MS = 10_000;

interface Article {
  readonly title: string;
  readonly text: string;
}
const ARTICLES: readonly Article[] = readFileSync(WIKINEWS, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Article);

/** Sentences of the corpus, shuffled, without quotation marks unless asked. */
function shuffledSentences(seed: number, keepQuotes = false): string[] {
  const next = random(seed);
  const sentences = ARTICLES.flatMap((a) => a.text.split(/(?<=[.!?]["”’]?)\s+/u))
    .map((s) => (keepQuotes ? s : s.replace(/["“”«»„]/gu, '')).replace(/\s+/gu, ' ').trim())
    .filter((s) => s.length > 20);
  for (let i = sentences.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [sentences[i], sentences[j]] = [sentences[j]!, sentences[i]!];
  }
  return sentences;
}

/** One paragraph of at least `size` characters of shuffled corpus sentences. */
function paragraph(size: number, seed: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let round = 0; length < size; round++) {
    for (const sentence of shuffledSentences(seed + round)) {
      parts.push(sentence);
      length += sentence.length + 1;
      if (length >= size) break;
    }
  }
  return parts.join(' ');
}

const withoutSentenceEnds = (text: string): string => text.replace(/[.!?;:…]/gu, ' ').replace(/ {2,}/gu, ' ');

interface Timed {
  readonly doc: NewsDoc;
  readonly ms: number;
}

/** `read()` timed; anything thrown but a DatelineError fails the test. */
function timedRead(input: ReadInput): Timed {
  const started = performance.now();
  try {
    const doc = read(input);
    return { doc, ms: performance.now() - started };
  } catch (error) {
    if (error instanceof DatelineError) throw error;
    assert.fail(`read() threw ${String(error)} instead of a DatelineError`);
  }
}

const timings: string[] = [];
function readCase(name: string, input: ReadInput): NewsDoc {
  const { doc, ms } = timedRead(input);
  timings.push(`${name}: ${Math.round(ms)} ms, ${doc.text?.length ?? 0} chars, ${doc.layers.tokens?.length ?? 0} tokens`);
  assertValidLayers(doc, name);
  return doc;
}

function readWithin(name: string, input: ReadInput, limitMs = LIMIT_MS): NewsDoc {
  const { doc, ms } = timedRead(input);
  timings.push(`${name}: ${Math.round(ms)} ms, ${doc.text?.length ?? 0} chars, ${doc.layers.tokens?.length ?? 0} tokens`);
  assertValidLayers(doc, name);
  assert.ok(ms < limitMs, `${name}: read() took ${Math.round(ms)} ms (limit ${limitMs} ms)`);
  return doc;
}

function assertSpan(text: string, span: Span & { text?: string }, what: string): void {
  assert.ok(
    Number.isInteger(span.start) && Number.isInteger(span.end) && span.start >= 0 && span.start <= span.end && span.end <= text.length,
    `${what}: span [${span.start}, ${span.end}) outside a text of ${text.length}`,
  );
  if (span.text !== undefined) assert.equal(text.slice(span.start, span.end), span.text, `${what}: text differs from its slice`);
}

function assertSortedDisjoint(spans: readonly Span[], what: string): void {
  for (let i = 1; i < spans.length; i++) {
    assert.ok(spans[i]!.start >= spans[i - 1]!.end, `${what} ${i} [${spans[i]!.start}) overlaps or precedes the one before [${spans[i - 1]!.end})`);
  }
}

function assertSorted(spans: readonly Span[], what: string): void {
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i]!.start >= spans[i - 1]!.start, `${what} ${i} out of text order`);
}

/** Every annotation lies inside the article text, says what it covers, and each layer keeps its order. */
function assertValidLayers(doc: NewsDoc, name: string): void {
  const text = doc.text ?? '';
  const { tokens = [], sentences = [], mentions = [], entities = [], quotes = [], times = [] } = doc.layers;
  for (const [i, token] of tokens.entries()) {
    assertSpan(text, token, `${name}: token ${i}`);
    assert.ok(token.end > token.start, `${name}: empty token ${i}`);
  }
  assertSortedDisjoint(tokens, `${name}: token`);
  for (const [i, sentence] of sentences.entries()) assertSpan(text, sentence, `${name}: sentence ${i}`);
  assertSortedDisjoint(sentences, `${name}: sentence`);
  for (const [i, mention] of mentions.entries()) {
    assertSpan(text, mention, `${name}: mention ${i}`);
    if (mention.entity !== undefined) assert.ok(entities[mention.entity]?.mentions.includes(i), `${name}: mention ${i} names an entity that does not list it`);
  }
  assertSortedDisjoint(mentions, `${name}: mention`);
  for (const [e, entity] of entities.entries()) {
    assert.equal(entity.id, e, `${name}: entity ${e} has id ${entity.id}`);
    for (const m of entity.mentions) assert.equal(mentions[m]?.entity, e, `${name}: entity ${e} lists mention ${m}, which points elsewhere`);
    for (const role of [...entity.roles, ...entity.references]) assertSpan(text, role, `${name}: role or reference of entity ${e}`);
  }
  for (const [i, quote] of quotes.entries()) {
    assertSpan(text, quote, `${name}: quote ${i}`);
    if (quote.cue !== undefined) assertSpan(text, quote.cue, `${name}: cue of quote ${i}`);
    if (quote.speakerMention !== undefined) assertSpan(text, quote.speakerMention, `${name}: speaker of quote ${i}`);
    if (quote.speaker !== undefined) assert.ok(entities[quote.speaker] !== undefined, `${name}: quote ${i} names a missing entity`);
  }
  assertSorted(quotes, `${name}: quote`);
  for (const [i, time] of times.entries()) assertSpan(text, time, `${name}: time ${i}`);
  assertSortedDisjoint(times, `${name}: time`);
}

/** An article of realistic length with its headline, as a scraper would save it. */
function articleText(article: Article): string {
  return `${article.title}\n\n${article.text}\n`;
}

/** Articles of ordinary length that quote people, for the quotation-mark and capitals cases. */
const QUOTING = ARTICLES.filter((a) => a.text.length > 2_500 && a.text.length < 8_000 && (a.text.match(/["“”]/gu)?.length ?? 0) >= 6).slice(0, 6);

before(() => {
  // Load the tagger's model and warm the JIT, so the bound measures reading, not start-up.
  for (const article of ARTICLES.slice(0, 3)) read({ content: articleText(article), format: 'text' });
});

after(() => {
  process.stdout.write(`# timings\n${timings.map((line) => `#   ${line}`).join('\n')}\n`);
});

describe('text with no sentence end', () => {
  it('50 KB without a single sentence-ending mark reads within the bound, cut into pieces with a diagnostic', () => {
    const text = withoutSentenceEnds(paragraph(50_000, 1)).slice(0, 50_000);
    assert.doesNotMatch(text, /[.!?]/u);
    const doc = readWithin('no sentence end, 50 KB', { content: text, format: 'text' });
    assert.ok((doc.layers.sentences?.length ?? 0) > 1, 'the text was cut into several sentences');
    assert.ok(doc.diagnostics.some((d) => d.code === 'SENTENCES_CUT'), 'a diagnostic says the text was cut');
    assert.ok((doc.layers.mentions?.length ?? 0) > 0, 'names are still found');
  });
});

describe('a single 1 MB paragraph', () => {
  const prose = paragraph(1_000_000, 2);
  const noEnd = withoutSentenceEnds(prose);
  let proseMs = Infinity;
  let noEndMs = Infinity;

  /**
   * Understood to the end, or (with an understanding budget) to where a diagnostic says
   * it stopped, at a sentence end, with every layer inside that part.
   */
  function assertUnderstoodOrCut(doc: NewsDoc, name: string): number {
    const text = doc.text!;
    const cut = doc.diagnostics.find((d) => d.code === ('UNDERSTAND_TRUNCATED' as string));
    const understoodTo = cut?.span?.start ?? text.length;
    if (cut !== undefined) {
      assert.ok(understoodTo > 100_000 && understoodTo < text.length, `${name}: understanding stops at ${understoodTo}`);
      assert.equal(doc.layers.blocks?.at(-1)?.end, text.length, `${name}: the article keeps all its text`);
      const { sentences = [], mentions = [], quotes = [], times = [] } = doc.layers;
      for (const span of [...sentences, ...mentions, ...quotes, ...times]) assert.ok(span.end <= understoodTo, `${name}: an annotation past the cut`);
    }
    const lastSentence = doc.layers.sentences!.at(-1)!;
    assert.ok(lastSentence.end > understoodTo - 1_000, `${name}: sentences stop at ${lastSentence.end}, before ${understoodTo}`);
    const lastMention = doc.layers.mentions!.at(-1)!;
    assert.ok(lastMention.start > understoodTo * 0.9, `${name}: names stop at ${lastMention.start}, before ${understoodTo}`);
    return understoodTo;
  }

  it('of realistic prose gives a valid reading, understood to the end or to a stated point', () => {
    const started = performance.now();
    const doc = readCase('1 MB paragraph of prose', { content: prose, format: 'text' });
    proseMs = performance.now() - started;
    assert.equal(doc.layers.blocks?.filter((b) => b.kind !== 'headline').length, 1, 'one paragraph');
    const understoodTo = assertUnderstoodOrCut(doc, 'prose');
    assert.ok((doc.layers.sentences?.length ?? 0) > understoodTo / 200, 'sentences all through');
  });

  it('without any sentence end gives a valid reading, cut into sentences with a diagnostic', () => {
    const started = performance.now();
    const doc = readCase('1 MB paragraph, no sentence end', { content: noEnd, format: 'text' });
    noEndMs = performance.now() - started;
    assert.ok(doc.diagnostics.some((d) => d.code === 'SENTENCES_CUT'));
    assertUnderstoodOrCut(doc, 'no sentence end');
  });

  // Understanding covers the first 200,000 characters (UNDERSTAND_TRUNCATED says so), so
  // a 1 MB paragraph reads in about a second rather than the tens of seconds it would take whole.
  it('within the bound', () => {
    assert.ok(proseMs < LIMIT_MS, `1 MB of prose took ${Math.round(proseMs)} ms`);
    assert.ok(noEndMs < LIMIT_MS, `1 MB without sentence end took ${Math.round(noEndMs)} ms`);
  });
});

/** The article with every quotation mark of its text replaced as `mark` says. */
function requote(article: Article, mark: (index: number) => string): string {
  let index = 0;
  return articleText(article).replace(/["“”]/gu, () => mark(index++));
}

describe('unbalanced quotation marks across a whole article', () => {
  const variants: Record<string, (a: Article) => string> = {
    'only opening marks': (a) => requote(a, () => '“'),
    'only closing marks': (a) => requote(a, () => '”'),
    'straight marks, an odd count': (a) => {
      const text = requote(a, () => '"');
      return (text.match(/"/gu)!.length % 2 === 0 ? text.replace('"', '') : text);
    },
    'guillemets never closed': (a) => requote(a, (i) => (i % 2 === 0 ? '«' : '')),
    'single marks only opening': (a) => requote(a, () => '‘'),
  };
  for (const [name, build] of Object.entries(variants)) {
    it(`${name}: a valid reading within the bound`, () => {
      for (const article of QUOTING) {
        const text = build(article);
        if (name.includes('odd')) assert.equal((text.match(/"/gu)?.length ?? 0) % 2, 1);
        const doc = readWithin(`${name}: ${article.title.slice(0, 40)}`, { content: text, format: 'text' });
        // Nothing may swallow the article: no quote runs past its paragraph.
        for (const quote of doc.layers.quotes ?? []) {
          assert.ok(!doc.text!.slice(quote.start, quote.end).includes('\n\n'), `a quote crosses a paragraph: ${quote.text.slice(0, 80)}`);
        }
      }
    });
  }

  it('a 200 KB paragraph with one opening mark at its start reads within the bound', () => {
    const text = `A long story with one quotation mark\n\n“${paragraph(200_000, 3)}\n`;
    const doc = readWithin('200 KB paragraph after a lone “', { content: text, format: 'text' });
    const longest = Math.max(0, ...(doc.layers.quotes ?? []).map((q) => q.end - q.start));
    assert.ok(longest < 10_000, `a quote of ${longest} characters: the lone mark swallowed the paragraph`);
  });
});

describe('an all-caps article', () => {
  // Upper-casing keeps every offset (checked), so each reading can be compared span by span.
  const pairs = QUOTING.map((article) => ({ article, original: articleText(article), caps: articleText(article).toUpperCase() })).filter(
    (pair) => pair.caps.length === pair.original.length,
  );
  const readings = new Map<string, { original: NewsDoc; caps: NewsDoc }>();
  const reading = (pair: (typeof pairs)[number]): { original: NewsDoc; caps: NewsDoc } => {
    let both = readings.get(pair.article.title);
    if (both === undefined) {
      both = {
        original: read({ content: pair.original, format: 'text' }),
        caps: readWithin(`all caps: ${pair.article.title.slice(0, 40)}`, { content: pair.caps, format: 'text' }),
      };
      readings.set(pair.article.title, both);
    }
    return both;
  };

  it('reads within the bound, with about as many sentences as the original', () => {
    assert.ok(pairs.length >= 3);
    for (const pair of pairs) {
      const { original, caps } = reading(pair);
      const expected = original.layers.sentences!.length;
      const got = caps.layers.sentences!.length;
      assert.ok(Math.abs(got - expected) <= Math.max(3, expected * 0.15), `${pair.article.title}: ${got} sentences in capitals, ${expected} in the original`);
    }
  });

  it('finds every time the original has, with the same span and value', () => {
    for (const pair of pairs) {
      const { original, caps } = reading(pair);
      const found = new Map((caps.layers.times ?? []).map((t) => [`${t.start}:${t.end}`, t]));
      for (const time of original.layers.times ?? []) {
        const same = found.get(`${time.start}:${time.end}`);
        assert.ok(same !== undefined, `${pair.article.title}: "${time.text}" not found in capitals`);
        assert.equal(same.value, time.value);
        assert.equal(same.relative, time.relative);
      }
    }
  });

  it('names no more than the original does', () => {
    for (const pair of pairs) {
      const { original, caps } = reading(pair);
      const named = caps.layers.mentions?.length ?? 0;
      assert.ok(named <= (original.layers.mentions?.length ?? 0) * 1.5 + 3, `${pair.article.title}: ${named} names in capitals`);
    }
  });

  it('names nothing that is a lower-case word in the original', () => {
    for (const pair of pairs) {
      const { caps } = reading(pair);
      const garbage = (caps.layers.mentions ?? []).filter((m) => !/^\p{Lu}|^\d/u.test(pair.original.slice(m.start, m.end)));
      assert.deepEqual(garbage.map((m) => m.text), [], pair.article.title);
    }
  });
});

/** News paragraphs written for this test, a headline then two paragraphs each. */
const FOREIGN: Record<string, { lang: string; text: string }> = {
  german: { lang: 'de', text: `Regierung beschließt neues Klimapaket

Die Bundesregierung hat am Mittwoch in Berlin ein neues Klimapaket beschlossen. Nach Angaben des Umweltministeriums sollen die Emissionen bis zum Jahr 2030 um mehr als die Hälfte sinken. „Das ist ein wichtiger Schritt für unser Land“, sagte die Ministerin nach der Sitzung des Kabinetts. Die Opposition kritisierte das Paket dagegen als zu schwach und forderte schärfere Maßnahmen.

Auch die Wirtschaftsverbände äußerten sich zurückhaltend. Der Präsident des Industrieverbands erklärte, die Unternehmen bräuchten mehr Planungssicherheit. Die Gewerkschaften begrüßten dagegen die geplanten Investitionen in die Bahn und den Ausbau der erneuerbaren Energien in Bayern und Niedersachsen.` },
  french: { lang: 'fr', text: `Le gouvernement présente sa réforme des retraites

Le Premier ministre a présenté mercredi à Paris le projet de réforme des retraites, qui prévoit un report progressif de l'âge légal de départ. « Nous devons garantir l'avenir de notre système », a déclaré le chef du gouvernement devant les députés de l'Assemblée nationale. Les syndicats ont aussitôt appelé à une journée de grève dans tout le pays.

Selon un sondage publié dans la matinée, une majorité des Français s'oppose au projet. Les manifestations sont prévues à Lyon, Marseille et Bordeaux à la fin du mois. Le ministre du Travail a indiqué que le texte serait examiné par le Sénat au printemps.` },
  spanish: { lang: 'es', text: `El Gobierno aprueba un plan contra la sequía

El Consejo de Ministros aprobó el martes en Madrid un plan de emergencia para hacer frente a la sequía que afecta a gran parte del país. «Es la peor situación de los últimos treinta años», afirmó la ministra para la Transición Ecológica en una rueda de prensa. El plan incluye ayudas para los agricultores de Andalucía y Cataluña y nuevas restricciones al consumo de agua.

Las organizaciones agrarias consideran que las medidas llegan tarde. Según los datos de la agencia meteorológica, las reservas de los embalses se encuentran por debajo del cuarenta por ciento de su capacidad. El presidente de la comunidad de regantes pidió al Gobierno que acelere las obras de las nuevas desaladoras.` },
  chinese: { lang: 'zh', text: `北京举行国际经济合作论坛

第三届国际经济合作论坛于星期二在北京开幕，来自四十多个国家的代表出席了会议。国家主席在开幕式上发表讲话，表示中国将继续扩大对外开放。“合作是解决全球挑战的唯一出路，”他说。与会代表围绕贸易、投资和基础设施建设等议题进行了深入讨论。

据新华社报道，论坛期间共签署了六十多项合作协议，总金额超过一千亿美元。上海、广州和深圳的企业代表也参加了相关活动。论坛将持续三天，并于星期四闭幕。` },
  japanese: { lang: 'ja', text: `東京で国際会議が開幕

東京で十日、気候変動に関する国際会議が開幕し、約五十か国の代表が参加した。首相は開会のあいさつで「世界が協力して行動する時だ」と述べ、温室効果ガスの削減目標を引き上げる考えを示した。会議では、再生可能エネルギーの普及や途上国への資金支援などが話し合われる。

大阪や京都の自治体の代表も出席し、地域での取り組みを紹介した。会議は十二日まで開かれ、最終日に共同声明が採択される予定だ。` },
};

/** The article as a page that declares its language. */
function foreignPage(lang: string, text: string): string {
  const [headline, ...paragraphs] = text.split('\n\n');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${headline}</title></head><body><article><h1>${headline}</h1>${paragraphs
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
}

describe('text in another language', () => {
  for (const [name, { lang, text }] of Object.entries(FOREIGN)) {
    it(`${name}, as a page declaring lang="${lang}": no names tagged, a diagnostic says why, within the bound`, () => {
      const doc = readWithin(`${name} page`, { content: foreignPage(lang, text), format: 'html' });
      assert.equal(doc.metadata.language, lang);
      assert.deepEqual(doc.layers.mentions, []);
      assert.deepEqual(doc.layers.entities, []);
      const said = doc.diagnostics.find((d) => d.code === 'NER_NOT_ENGLISH');
      assert.ok(said !== undefined, doc.diagnostics.map((d) => d.code).join(', '));
      assert.match(said.message, /English/);
    });

    it(`${name}, as scraped text: no names tagged, a diagnostic says the tagger is for English, within the bound`, () => {
      const doc = readWithin(`${name} text`, { content: text, format: 'text' });
      assert.deepEqual(doc.layers.mentions, [], (doc.layers.mentions ?? []).map((m) => `${m.text}/${m.type}`).join(', '));
      assert.deepEqual(doc.layers.entities, []);
      const said = doc.diagnostics.find((d) => d.code === 'NER_NOT_ENGLISH');
      assert.ok(said !== undefined, doc.diagnostics.map((d) => d.code).join(', '));
      assert.match(said.message, /English/);
    });

    it(`${name}, as scraped text: its language is known to every stage`, () => {
      const doc = read({ content: text, format: 'text' });
      assert.equal(doc.metadata.language?.split('-')[0], lang);
      assert.deepEqual(doc.layers.quotes, []);
    });
  }
});

/** Pieces random text is made of: words in every case, marks of every kind, digits, emoji, CJK, line breaks. */
const PIECES: readonly string[] = [
  'the', 'said', 'Putin', 'PUTIN', 'Mr.', 'U.S.', 'Gen.', 'J.', 'e.g.', 'on Friday', 'last month', 'in 2001', 'Sept. 16, 2022', 'yesterday',
  '"', '"', '“', '”', '‘', '’', "'", '«', '»', '„', '‹', '›', '``', "''",
  '.', '.', '...', '…', '!', '?', '?!', ',', ';', ':', '—', '–', '-', '(', ')', '[', ']', '/',
  '3.14', '1,000', '2022', '42', '-7', '1.', '½', '٣',
  '😀', '👍🏽', '🇺🇸', '👨‍👩‍👧', '\u{1F600}'.slice(0, 1), '\u{1F600}'.slice(1),
  '北京', '東京で', '한국', 'Москва', 'قال', 'é', 'ﬁ', 'İ', 'ß',
  '\n', '\n', '\n\n', '\r\n', '\t', '\u00a0', '\u200b', '\u2028',
  'https://example.com/a.b?c=d', 'news@example.com', '#tag', '@user', '&amp;', '<p>', '</p>',
];

function randomText(next: () => number): string {
  const count = Math.floor(next() * 120);
  let text = '';
  for (let i = 0; i < count; i++) {
    const piece = PIECES[Math.floor(next() * PIECES.length)]!;
    text += next() < 0.7 ? `${piece} ` : piece;
  }
  return text;
}

describe('random strings', () => {
  it('200 random mixes of marks, capitals, digits, emoji, CJK and line breaks: no throw but DatelineError, valid layers', () => {
    const next = random(20_261_129);
    let read200 = 0;
    for (let i = 0; i < 200; i++) {
      const text = randomText(next);
      const format = i % 5 === 0 ? 'auto' : 'text';
      try {
        assertValidLayers(read({ content: text, format }), `random ${i} ${JSON.stringify(text)}`);
        read200++;
      } catch (error) {
        if (error instanceof assert.AssertionError) throw error;
        assert.ok(error instanceof DatelineError, `random ${i} ${JSON.stringify(text)}: threw ${String(error)}`);
      }
    }
    assert.ok(read200 > 150, `only ${read200} of 200 were read`);
  });
});

describe('through the CLI', () => {
  let dir: string;
  let cleanup: () => void;
  before(() => {
    ({ dir, cleanup } = tempDir('dateline-bad-understand-'));
    writeFileSync(join(dir, '1-no-sentence-end.txt'), withoutSentenceEnds(paragraph(50_000, 4)).slice(0, 50_000));
    writeFileSync(join(dir, '2-only-opening-marks.txt'), requote(QUOTING[0]!, () => '“'));
    writeFileSync(join(dir, '3-all-caps.txt'), articleText(QUOTING[1]!).toUpperCase());
    writeFileSync(join(dir, '4-german.txt'), FOREIGN['german']!.text);
    writeFileSync(join(dir, '5-german.html'), foreignPage('de', FOREIGN['german']!.text));
    writeFileSync(join(dir, '6-chinese.html'), foreignPage('zh', FOREIGN['chinese']!.text));
    writeFileSync(join(dir, 'big.txt'), paragraph(1_000_000, 5));
  });
  after(() => cleanup());

  interface CliReading {
    source: { path: string };
    text?: string;
    sentences?: Span[];
    entities?: { mentions: (Span & { text: string })[]; roles: (Span & { text: string })[]; references: (Span & { text: string })[] }[];
    quotes?: (Span & { text: string; cue: (Span & { text: string }) | null; speakerMention: (Span & { text: string }) | null })[];
    times?: (Span & { text: string })[];
    diagnostics?: { code: string; message: string }[];
    error?: { code: string; message: string };
  }

  function assertValidReading(reading: CliReading): void {
    const text = reading.text!;
    const name = reading.source.path;
    for (const sentence of reading.sentences ?? []) assertSpan(text, sentence, `${name}: sentence`);
    for (const entity of reading.entities ?? []) for (const span of [...entity.mentions, ...entity.roles, ...entity.references]) assertSpan(text, span, `${name}: entity`);
    for (const quote of reading.quotes ?? []) for (const span of [quote, quote.cue, quote.speakerMention]) if (span !== null) assertSpan(text, span, `${name}: quote`);
    for (const time of reading.times ?? []) assertSpan(text, time, `${name}: time`);
  }

  it('reads each bad input to a valid result, no stack trace', async () => {
    const names = ['1-no-sentence-end.txt', '2-only-opening-marks.txt', '3-all-caps.txt', '4-german.txt', '5-german.html', '6-chinese.html'];
    const run = await runCli(['read', ...names.map((n) => join(dir, n))]);
    timings.push(`CLI, six bad inputs in one run: ${Math.round(run.ms)} ms`);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(!hasStack(run.stderr), run.stderr);
    const readings = jsonLines<CliReading>(run.stdout);
    assert.equal(readings.length, names.length);
    for (const reading of readings) {
      assert.equal(reading.error, undefined, JSON.stringify(reading.error));
      assertValidReading(reading);
    }
    for (const german of [readings[3]!, readings[4]!]) {
      assert.deepEqual(german.entities, [], `${german.source.path}: German has no names tagged`);
      assert.ok(german.diagnostics?.some((d) => d.code === 'NER_NOT_ENGLISH'), `${german.source.path}: no diagnostic says the tagger is for English`);
    }
  });

  it('a 1 MB paragraph gives a reading or a clear time-limit error, no stack, within the limit', async () => {
    const run = await runCli(['read', join(dir, 'big.txt')], { killAfterMs: 30_000 });
    timings.push(`CLI, 1 MB paragraph: ${Math.round(run.ms)} ms, exit ${run.status}`);
    assert.ok(!hasStack(run.stderr), run.stderr);
    assert.ok(run.ms < CLI_LIMIT_MS, `took ${Math.round(run.ms)} ms`);
    const [reading] = jsonLines<CliReading>(run.stdout);
    assert.ok(reading !== undefined);
    if (reading.error !== undefined) {
      assert.equal(run.status, 1);
      assert.equal(reading.error.code, 'EXTRACT_TIMEOUT');
      assert.match(run.stderr, /took longer than/);
    } else {
      assert.equal(run.status, 0);
      assertValidReading(reading);
    }
  });
});
