import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { C_HIDDEN, C_NEG, C_POS, C_SHOWN, C_STRONG, C_STRUCT, classFlags, nameFlags } from './classes.js';
import { isHidden } from './tags.js';

describe('class names', () => {
  it('reads furniture and content words, word by word', () => {
    assert.ok((classFlags({ class: 'comments-area' }) & C_STRONG) !== 0);
    assert.equal(classFlags({ class: 'comments-area' }) & C_STRUCT, 0);
    assert.ok((classFlags({ class: 'site-footer' }) & C_STRUCT) !== 0);
    assert.ok((classFlags({ class: 'promo-banner' }) & C_NEG) !== 0);
    assert.equal(classFlags({ class: 'promo-banner' }) & C_STRUCT, 0);
    assert.ok((classFlags({ class: 'articleBody' }) & C_POS) !== 0);
    // "ad" is a word, not a substring: header and shadow are not ads.
    assert.equal(classFlags({ class: 'header-shadow' }) & C_NEG, 0);
  });

  it('reads listing filters and facets as furniture on any page', () => {
    assert.ok((classFlags({ class: 'product-filters' }) & C_STRUCT) !== 0);
    assert.ok((classFlags({ class: 'search-facet__group' }) & C_STRUCT) !== 0);
    assert.equal(classFlags({ class: 'product-grid' }) & C_NEG, 0);
  });

  it('ignores layout modifiers that describe the page around the element', () => {
    assert.equal(classFlags({ class: 'main has-sidebar' }) & C_NEG, 0);
    assert.equal(classFlags({ class: 'l-sidebar-fixed' }) & C_NEG, 0);
  });

  it('knows hiding utilities and their responsive exceptions', () => {
    assert.ok((nameFlags('sr-only') & C_HIDDEN) !== 0);
    assert.ok((nameFlags('hidden md:block') & C_SHOWN) !== 0);
    assert.equal(isHidden('div', { class: 'hidden' }), true);
    assert.equal(isHidden('div', { class: 'hidden lg:flex' }), false);
    assert.equal(isHidden('div', { class: 'd-none d-md-block' }), false);
    assert.equal(isHidden('p', { style: 'color: red; display:none' }), true);
    assert.equal(isHidden('p', { style: 'visibility: hidden' }), true);
    assert.equal(isHidden('div', { 'aria-hidden': 'true' }), true);
    assert.equal(isHidden('noscript', {}), true);
    assert.equal(isHidden('noscript', {}, true), false);
    // React's streamed segments are content the runtime moves into place.
    assert.equal(isHidden('div', { hidden: '', id: 'S:0' }), false);
    assert.equal(isHidden('div', { hidden: '' }), true);
  });
});
