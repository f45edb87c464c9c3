import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMultibyteEncoder } from '@exodus/bytes/multi-byte.js';
import { createSinglebyteEncoder } from '@exodus/bytes/single-byte.js';
import { DatelineError } from '../src/doc/errors.js';
import { decodeBytes, stripControls } from '../src/stages/decode/decode.js';
import { encodingForLabel, prescanMetaCharset } from '../src/stages/decode/charset.js';
import { looksLikeHtml, sniffBinary } from '../src/stages/decode/sniff.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...Buffer.from(part, 'latin1')] : part)));
const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
/** No lone surrogates (String.prototype.isWellFormed, which lib ES2023 does not type). */
const isWellFormed = (text: string): boolean => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
const codes = (diagnostics: { code: string }[]): string[] => diagnostics.map((d) => d.code);

describe('decode: the WHATWG order', () => {
  it('E-1: windows-1252 93 80 94 under an iso-8859-1 header is “€”', () => {
    const r = decodeBytes(bytes('<p>', [0x93, 0x80, 0x94], '</p>'), 'text/html; charset=iso-8859-1');
    assert.equal(r.text, '<p>“€”</p>');
    assert.deepEqual(r.info, { encoding: 'windows-1252', decidedBy: 'header', declared: 'iso-8859-1', replacements: 0 });
  });

  it('latin1 and us-ascii labels also mean windows-1252', () => {
    for (const label of ['latin1', 'US-ASCII', 'ascii', 'cp1252']) {
      assert.equal(encodingForLabel(label), 'windows-1252', label);
      assert.equal(decodeBytes(bytes([0x80]), `text/plain; charset=${label}`).text, '€');
    }
  });

  it('E-2: a BOM beats the header', () => {
    const r = decodeBytes(bytes([0xef, 0xbb, 0xbf], '<p>', [0xc3, 0xa9], '</p>'), 'text/html; charset=windows-1251');
    assert.equal(r.text, '<p>é</p>');
    assert.equal(r.info.encoding, 'utf-8');
    assert.equal(r.info.decidedBy, 'bom');
    assert.equal(r.info.declared, 'windows-1251');
    assert.ok(codes(r.diagnostics).includes('DECODE_BOM'));
  });

  it('UTF-16 BOMs decode and the BOM is not kept', () => {
    const le = decodeBytes(new Uint8Array([0xff, 0xfe, ...Buffer.from('<p>hé</p>', 'utf16le')]));
    assert.equal(le.text, '<p>hé</p>');
    assert.equal(le.info.encoding, 'utf-16le');
    const be = decodeBytes(new Uint8Array([0xfe, 0xff, ...Buffer.from('hé', 'utf16le').swap16()]));
    assert.equal(be.text, 'hé');
  });

  it('E-3: a Shift_JIS meta page reads 日本語', () => {
    const page = bytes('<html><head><meta charset="shift_jis"><title>t</title></head><body><p>', [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea], '</p></body></html>');
    const r = decodeBytes(page);
    assert.match(r.text, /<p>日本語<\/p>/);
    assert.deepEqual(r.info, { encoding: 'shift_jis', decidedBy: 'meta', declared: 'shift_jis', replacements: 0 });
  });

  it('reads the http-equiv form of the meta declaration', () => {
    const page = bytes('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>', [0xcf, 0xf0, 0xe8], '</p>');
    const r = decodeBytes(page);
    assert.match(r.text, /<p>При<\/p>/);
    assert.equal(r.info.decidedBy, 'meta');
  });

  it('an XHTML file’s XML declaration counts when there is no meta', () => {
    const page = bytes('<?xml version="1.0" encoding="ISO-8859-1"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><p>caf', [0xe9], '</p></body></html>');
    const r = decodeBytes(page);
    assert.match(r.text, /<p>café<\/p>/);
    assert.equal(r.info.encoding, 'windows-1252');
    assert.equal(r.info.decidedBy, 'meta');
  });

  it('the header beats the meta', () => {
    const page = bytes('<meta charset="shift_jis"><p>', [0xe9], '</p>');
    const r = decodeBytes(page, 'text/html; charset="windows-1252"');
    assert.equal(r.info.encoding, 'windows-1252');
    assert.equal(r.info.decidedBy, 'header');
    assert.match(r.text, /<p>é<\/p>/);
  });

  it('the prescan skips comments and other tags’ attributes and stops after 1,024 bytes', () => {
    assert.equal(prescanMetaCharset(bytes('<!-- <meta charset="koi8-r"> --><meta charset=utf-8>')), 'utf-8');
    assert.equal(prescanMetaCharset(bytes('<a title="<meta charset=koi8-r>"><meta charset=\'big5\'>')), 'big5');
    assert.equal(prescanMetaCharset(bytes(' '.repeat(1100), '<meta charset="koi8-r">')), null);
  });

  it('E-5: GB18030 four-byte 81 30 81 30 under gb2312 is U+0080', () => {
    const r = decodeBytes(bytes([0x81, 0x30, 0x81, 0x30]), 'text/plain; charset=gb2312');
    assert.equal(r.text, '\u0080');
    assert.equal(r.info.encoding, 'gb18030');
    assert.equal(r.info.declared, 'gb2312');
    assert.equal(r.info.replacements, 0);
  });

  it('E-4: declared UTF-8 but windows-1252 caf\\xE9 reads café and says so', () => {
    const r = decodeBytes(bytes('<html><body><p>Un caf', [0xe9], ' cr', [0xe8], 'me, s\'il vous pla', [0xee], 't.</p></body></html>'), 'text/html; charset=utf-8');
    assert.match(r.text, /Un café crème, s'il vous plaît\./);
    assert.equal(r.info.declared, 'utf-8');
    assert.equal(r.info.decidedBy, 'detected');
    assert.equal(r.info.encoding, 'windows-1252');
    assert.equal(r.info.replacements, 0);
    assert.ok(codes(r.diagnostics).includes('DECODE_MISDECLARED'));
  });

  it('E-4: declared UTF-8 but Shift_JIS bytes read 日本語', () => {
    const sjis = [0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x82, 0xcc, 0x83, 0x65, 0x83, 0x4c, 0x83, 0x58, 0x83, 0x67];
    const r = decodeBytes(bytes('<meta charset="utf-8"><p>', sjis, '</p><p>', sjis, '</p>'));
    assert.match(r.text, /<p>日本語のテキスト<\/p>/);
    assert.equal(r.info.encoding, 'shift_jis');
    assert.equal(r.info.decidedBy, 'detected');
    assert.equal(r.info.declared, 'utf-8');
  });

  it('a legacy label over valid multi-byte UTF-8 is overruled', () => {
    const r = decodeBytes(utf8('<p>Zürich, naïve café — “quoted”</p>'), 'text/html; charset=iso-8859-1');
    assert.equal(r.text, '<p>Zürich, naïve café — “quoted”</p>');
    assert.equal(r.info.encoding, 'utf-8');
    assert.equal(r.info.decidedBy, 'detected');
    assert.ok(codes(r.diagnostics).includes('DECODE_MISDECLARED'));
  });

  it('no declaration: valid UTF-8 is UTF-8, a legacy page is detected', () => {
    const a = decodeBytes(utf8('<p>Zürich</p>'));
    assert.deepEqual(a.info, { encoding: 'utf-8', decidedBy: 'default', replacements: 0 });
    const b = decodeBytes(bytes('<p>Z', [0xfc], 'rich und K', [0xf6], 'ln sind St', [0xe4], 'dte.</p>'));
    assert.equal(b.text, '<p>Zürich und Köln sind Städte.</p>');
    assert.equal(b.info.decidedBy, 'detected');
    assert.ok(codes(b.diagnostics).includes('DECODE_GUESSED'));
  });

  it('E-6: invalid UTF-8 (overlong, surrogate, cut at EOF) becomes U+FFFD and never throws', () => {
    const input = bytes(...[utf8('<p>Zürich – naïve café ✓ 日本語 '), [0xc0, 0xaf], ' x ', [0xed, 0xa0, 0x80], ' y ', [0xe2, 0x82]].map((p) => (p instanceof Uint8Array ? [...p] : p)));
    const r = decodeBytes(input, 'text/html; charset=utf-8');
    assert.equal(r.info.encoding, 'utf-8');
    assert.equal(r.info.decidedBy, 'header');
    assert.ok(r.info.replacements >= 3);
    assert.match(r.text, /^<p>Zürich – naïve café ✓ 日本語 \uFFFD+ x \uFFFD+ y \uFFFD$/);
    assert.ok(isWellFormed(r.text));
    assert.ok(codes(r.diagnostics).includes('DECODE_REPLACEMENT_CHARS'));
  });

  it('U+FFFD written in a UTF-8 page is content, not a decoding error, and no reason to switch', () => {
    const r = decodeBytes(utf8('<p>A page that was mangled before we saw it: caf\uFFFD and na\uFFFDve.</p>'), 'text/html; charset=utf-8');
    assert.equal(r.info.encoding, 'utf-8');
    assert.equal(r.info.decidedBy, 'header');
    assert.equal(r.info.replacements, 0);
    assert.deepEqual(codes(r.diagnostics), []);
    const mixed = decodeBytes(bytes(...[[...utf8('<p>\uFFFD x ')], [0xff], ' ', [...utf8('é ü ö ä')]]), 'text/html; charset=utf-8');
    assert.equal(mixed.info.replacements, 1);
  });

  it('E-6: a short UTF-8 page with more broken sequences than good characters stays UTF-8', () => {
    const input = bytes(...[[...utf8('<title>Zürich</title><h1>Zürich naïve café</h1><p>Broken: ')], [0xc0, 0xaf], ' and ', [0xed, 0xa0, 0x80], ' end ', [0xe2, 0x82]]);
    const r = decodeBytes(input, 'text/html; charset=utf-8');
    assert.equal(r.info.encoding, 'utf-8');
    assert.equal(r.info.decidedBy, 'header');
    assert.match(r.text, /Zürich naïve café/);
    assert.equal(r.info.replacements, 6);
  });

  it('E-6: pure garbage high bytes never throw and give a well-formed string', () => {
    for (const label of [undefined, 'text/html; charset=utf-8', 'text/html; charset=shift_jis', 'text/html; charset=gb18030']) {
      const garbage = new Uint8Array(4096);
      for (let i = 0; i < garbage.length; i++) garbage[i] = 0x80 + ((i * 73) % 128);
      const r = decodeBytes(garbage, label);
      assert.ok(isWellFormed(r.text));
      assert.ok(r.text.length > 0);
    }
  });

  it('E-7: an unknown label is ignored; x-user-defined and utf-16 metas are handled', () => {
    const foo = decodeBytes(bytes('<meta charset="windows-1251"><p>', [0xcf], '</p>'), 'text/html; charset=foo');
    assert.equal(foo.info.encoding, 'windows-1251');
    assert.equal(foo.info.decidedBy, 'meta');
    const unknownOnly = decodeBytes(utf8('<p>é</p>'), 'text/html; charset=foo');
    assert.equal(unknownOnly.info.encoding, 'utf-8');
    assert.equal(unknownOnly.info.declared, 'foo');
    const xud = decodeBytes(bytes('<meta charset="x-user-defined"><p>', [0x80], '</p>'));
    assert.equal(xud.info.encoding, 'windows-1252');
    const u16 = decodeBytes(bytes('<html><head><meta charset="utf-16"></head><body><p>plain ascii</p></body></html>'));
    assert.equal(u16.info.encoding, 'utf-8');
    assert.match(u16.text, /plain ascii/);
    const u16header = decodeBytes(bytes('<p>plain ascii</p>'), 'text/html; charset=utf-16le');
    assert.equal(u16header.text, '<p>plain ascii</p>');
  });

  it('a replacement-encoding label (iso-2022-kr) does not blank the page', () => {
    const r = decodeBytes(bytes('<p>hello</p>'), 'text/html; charset=iso-2022-kr');
    assert.equal(r.text, '<p>hello</p>');
  });

  it('UTF-16 without a BOM is recognised, not taken for binary', () => {
    const r = decodeBytes(new Uint8Array(Buffer.from('<p>hello world, this is text</p>', 'utf16le')));
    assert.equal(r.text, '<p>hello world, this is text</p>');
    assert.equal(r.info.encoding, 'utf-16le');
  });

  it('E-9: NUL and C0 controls are stripped, tab/LF/CR kept', () => {
    const r = decodeBytes(bytes('a\tb\nc\r\nd', [0x00], 'e', [0x07, 0x1b, 0x0b], 'f'));
    assert.equal(r.text, 'a\tb\nc\r\ndef');
    assert.equal(stripControls('x\u0000y\u001fz'), 'xyz');
  });
});

describe('decode: binary sniffing', () => {
  const cases: [string, number[]][] = [
    ['PNG', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]],
    ['JPEG', [0xff, 0xd8, 0xff, 0xe0, 0, 16]],
    ['GIF', [...Buffer.from('GIF89a'), 1, 0]],
    ['WebP', [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8 ')]],
    ['PDF', [...Buffer.from('%PDF-1.7\n')]],
    ['ZIP', [0x50, 0x4b, 0x03, 0x04, 20, 0]],
    ['gzip', [0x1f, 0x8b, 8, 0, 0, 0]],
    ['ELF', [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]],
    ['NULs', [...Buffer.from('abc'), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5]],
  ];
  for (const [name, head] of cases) {
    it(`${name} → INPUT_BINARY with a one-line message`, () => {
      const input = new Uint8Array([...head, ...new Array<number>(200).fill(0x41)]);
      assert.notEqual(sniffBinary(input), null);
      assert.throws(
        () => decodeBytes(input),
        (error: unknown) => error instanceof DatelineError && error.code === 'INPUT_BINARY' && !error.message.includes('\n'),
      );
    });
  }

  it('text, HTML and legacy-encoded bytes are not binary', () => {
    assert.equal(sniffBinary(utf8('<!doctype html><p>hello</p>')), null);
    assert.equal(sniffBinary(bytes('caf', [0xe9], ' ', [0x93, 0x80, 0x94])), null);
    assert.equal(sniffBinary(bytes('a', [0x1b], '$B', [0x46, 0x7c], [0x1b], '(B')), null);
    assert.equal(sniffBinary(utf8('PK is a common abbreviation')), null);
  });

  it('keeps looksLikeHtml', () => {
    assert.equal(looksLikeHtml('<!DOCTYPE html><html></html>'), true);
    assert.equal(looksLikeHtml('SAMARKAND, Uzbekistan: leaders met.'), false);
  });
});

describe('decode: never throws on arbitrary bytes (seeded random, 3,000 cases)', () => {
  it('gives a well-formed string without C0 controls, or INPUT_BINARY', () => {
    let seed = 0x2f6b7c1d;
    const random = (): number => {
      // mulberry32
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const labels = [undefined, 'text/html; charset=utf-8', 'text/html; charset=shift_jis', 'text/html; charset=gb2312', 'text/html; charset=iso-2022-jp', 'text/html; charset=utf-16', 'text/html; charset=big5', 'text/html; charset=euc-kr', 'text/html; charset=koi8-r'];
    const pieces = ['<meta charset="', 'shift_jis', 'utf-8', 'euc-jp', '">', '<p>', '<!--', '\u00ef\u00bb\u00bf', '\u00fe\u00ff', '\u001b$B'];
    for (let n = 0; n < 3000; n++) {
      const parts: number[] = [];
      const length = Math.floor(random() * 300);
      while (parts.length < length) {
        if (random() < 0.1) parts.push(...Buffer.from(pieces[Math.floor(random() * pieces.length)]!, 'latin1'));
        else parts.push(random() < 0.5 ? 0x20 + Math.floor(random() * 0x5f) : Math.floor(random() * 256));
      }
      const input = Uint8Array.from(parts);
      const label = labels[n % labels.length];
      try {
        const r = decodeBytes(input, label);
        assert.ok(isWellFormed(r.text), `case ${n}: lone surrogate`);
        assert.doesNotMatch(r.text, /[\0-\x08\x0B\x0C\x0E-\x1F]/, `case ${n}: control character`); // eslint-disable-line no-control-regex
        assert.ok(Number.isInteger(r.info.replacements) && r.info.replacements >= 0);
      } catch (error) {
        assert.ok(error instanceof DatelineError && error.code === 'INPUT_BINARY', `case ${n}: ${String(error)}`);
      }
    }
  });
});

describe('decode: detection across languages (E-4), undeclared and declared UTF-8', () => {
  const samples: [string, string, string][] = [
    ['windows-1252', 'fr', "Le président a déclaré jeudi que les négociations reprendraient à Genève la semaine prochaine. « C'est une étape décisive », a-t-il ajouté."],
    ['windows-1252', 'de', 'Die Bundesregierung hat am Donnerstag neue Maßnahmen gegen die hohen Energiepreise beschlossen. Für Haushalte in Köln und Düsseldorf sollen die Kosten sinken.'],
    ['windows-1250', 'pl', 'Prezydent oświadczył w czwartek, że rozmowy zostaną wznowione w Genewie w przyszłym tygodniu. Opozycja skrytykowała porozumienie.'],
    ['iso-8859-2', 'cs', 'Prezident ve čtvrtek prohlásil, že jednání budou pokračovat příští týden v Ženevě. Opozice kritizovala dohodu, kterou považuje za příliš nákladnou.'],
    ['windows-1251', 'ru', 'Президент заявил в четверг, что переговоры возобновятся в Женеве на следующей неделе. Оппозиция раскритиковала соглашение.'],
    ['koi8-r', 'ru', 'Президент заявил в четверг, что переговоры возобновятся в Женеве на следующей неделе. Оппозиция раскритиковала соглашение.'],
    ['windows-1253', 'el', 'Ο πρόεδρος δήλωσε την Πέμπτη ότι οι διαπραγματεύσεις θα συνεχιστούν στη Γενεύη την επόμενη εβδομάδα.'],
    ['windows-1254', 'tr', "Cumhurbaşkanı perşembe günü müzakerelerin gelecek hafta Cenevre'de yeniden başlayacağını açıkladı."],
    ['windows-1255', 'he', 'הנשיא הודיע ביום חמישי כי המשא ומתן יתחדש בשבוע הבא. האופוזיציה מתחה ביקורת על ההסכם.'],
    ['windows-1256', 'ar', 'أعلن الرئيس يوم الخميس أن المفاوضات ستستأنف في جنيف الأسبوع المقبل. وانتقدت المعارضة الاتفاق.'],
    ['shift_jis', 'ja', '首相は木曜日、来週ジュネーブで交渉を再開すると発表した。野党は、この合意が日本の家庭にとって高すぎると批判している。'],
    ['euc-jp', 'ja', '首相は木曜日、来週ジュネーブで交渉を再開すると発表した。野党は、この合意が日本の家庭にとって高すぎると批判している。'],
    ['gb18030', 'zh', '总统周四宣布，谈判将于下周在日内瓦恢复。反对派批评该协议对中国家庭来说代价过高，并要求政府重新考虑。'],
    ['big5', 'zh-TW', '總統週四宣布，談判將於下週在日內瓦恢復。反對派批評該協議對台灣家庭來說代價過高，並要求政府重新考慮。'],
    ['euc-kr', 'ko', '대통령은 목요일 다음 주 제네바에서 협상이 재개될 것이라고 발표했다. 야당은 이 합의가 한국 가정에 너무 비싸다고 비판했다.'],
  ];
  const head = `<!doctype html><html><head><title>News</title>${'<link rel="stylesheet" href="/assets/site.css">'.repeat(10)}</head><body><nav><a href="/">Home</a></nav><article><p>`;
  for (const [encoding, lang, text] of samples) {
    it(`${encoding} (${lang})`, () => {
      const encode = /^(windows|iso|koi8)/.test(encoding) ? createSinglebyteEncoder(encoding) : createMultibyteEncoder(encoding);
      const page = new Uint8Array(Buffer.concat([Buffer.from(head), Buffer.from(encode(text)), Buffer.from('</p></article></body></html>')]));
      for (const contentType of [undefined, 'text/html; charset=utf-8']) {
        const r = decodeBytes(page, contentType);
        assert.ok(r.text.includes(text), `${contentType ?? 'undeclared'}: decoded as ${r.info.encoding}`);
        assert.equal(r.info.decidedBy, 'detected');
        assert.equal(r.info.replacements, 0);
      }
    });
  }

  it('iso-2022-jp (7-bit, told apart only by its escapes)', () => {
    const encode = createMultibyteEncoder('iso-2022-jp');
    const page = new Uint8Array(Buffer.concat([Buffer.from('<p>'), Buffer.from(encode('日本語のテキスト')), Buffer.from('</p>')]));
    const r = decodeBytes(page);
    assert.equal(r.text, '<p>日本語のテキスト</p>');
    assert.equal(r.info.encoding, 'iso-2022-jp');
  });
});
