/**
 * The parsed page, as a small tree that extraction walks. It is ours rather than a
 * DOM library's because extraction needs only tags, attributes, text and parents, and
 * a plain tree is several times faster to build and walk than a full DOM.
 */
export interface HtmlElement {
  readonly type: 'element';
  /** Lower-case tag name. */
  readonly tag: string;
  /** Attributes with lower-case names; later duplicates are ignored. */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: HtmlNode[];
  parent: HtmlElement | null;
}

export interface HtmlText {
  readonly type: 'text';
  /** Decoded text, entities resolved, whitespace as in the source. */
  readonly text: string;
  parent: HtmlElement | null;
}

export type HtmlNode = HtmlElement | HtmlText;

/** A parsed page: the root element (a synthetic `#root` holding `<html>`). */
export interface HtmlTree {
  readonly root: HtmlElement;
  /** Element count, for limits and diagnostics. */
  readonly elementCount: number;
  /** True when nesting beyond the depth cap was flattened. */
  readonly depthCapped: boolean;
}
