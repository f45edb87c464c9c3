/**
 * Lexicons the scraped-text reader uses to recognise page furniture and prose. Data only:
 * the reader (src/stages/read-text) decides how much weight a match carries.
 *
 * Origin: written for Dateline from the phrases that recur on news and commercial pages
 * (cookie banners, newsletter boxes, share bars, "Related:"/"Read more:" links, footer
 * notices), in the spirit of the boilerplate cues used by jusText (Pomikálek 2011) and
 * Boilerpipe (Kohlschütter et al. 2010). The stopword lists are the most frequent
 * function words of each language, compiled by hand (cf. the jusText stoplists, BSD).
 * Nothing here is keyed to a site or a page.
 */
import type { FurnitureKind } from '../../doc/news-doc.js';

export interface FurniturePattern {
  readonly kind: FurnitureKind;
  /** Tested against the whole line, trimmed. */
  readonly pattern: RegExp;
  /** Human words for the reason ("a cookie notice"). */
  readonly label: string;
  /**
   * Longest line (in words) the pattern may mark as furniture. Beyond it the line is
   * prose that happens to use the words ("the cookie jar was empty").
   */
  readonly maxWords: number;
}

export const FURNITURE_PATTERNS: readonly FurniturePattern[] = [
  // Cookie and consent banners.
  {
    kind: 'cookie-notice',
    pattern:
      /\b(cookies?|cookie (policy|settings|preferences)|consent preferences|we value your privacy|manage (your )?(privacy|consent)|accept all|reject all|gdpr)\b/i,
    label: 'a cookie or consent notice',
    maxWords: 60,
  },
  // Newsletter, subscription and account prompts.
  {
    kind: 'subscribe-prompt',
    pattern:
      /\b(subscribe|subscription|sign ?up|newsletters?|log ?in|sign ?in|register (now|today|for free)|create (an|your) account|get (our|the) (latest|best)|delivered (straight )?to your inbox|join (our|the) (mailing list|community|newsletter)|unlock (this|full) (article|access)|already a (subscriber|member)|free trial|enter your email|email address)\b/i,
    label: 'a subscription or sign-up prompt',
    maxWords: 30,
  },
  // Share bars and social follow links.
  {
    kind: 'share-prompt',
    pattern:
      /^(share( this( article| story| post)?)?( on| via| to)?|tweet|pin it|email this|print( this( article| page))?|copy (the )?link|follow us( on)?|like us on|whatsapp|facebook|twitter|linkedin|reddit|pinterest|instagram|telegram|youtube|tiktok|x \(formerly twitter\)|flipboard|comments?|\d+ comments?|leave a (comment|reply)|visit us on \w+)\b/i,
    label: 'a share or follow prompt',
    maxWords: 12,
  },
  {
    kind: 'share-prompt',
    pattern: /\b(share (on|via|this)|follow us|click to share|opens in (a )?new window)\b/i,
    label: 'a share or follow prompt',
    maxWords: 15,
  },
  // Links to other articles.
  {
    kind: 'related-links',
    pattern:
      /^(related( articles?| stories| posts| content| coverage| reading| topics| news)?|read (more|next|also|this)|see also|more (from|on|in|about|stories|news|like this|to explore)|you (may|might) (also )?like|recommended( for you| reading| stories)?|trending( now| stories)?|most (popular|read|viewed|shared)|popular (posts|stories|articles)|top stories|latest (news|stories|posts|articles)|also read|don'?t miss|what to read next|further reading|up next|watch( now| next)?|previous (post|article)|next (post|article))\b\s*[:|›»\-–—]?/i,
    label: 'a related-links line',
    maxWords: 30,
  },
  // Copyright and legal footers.
  {
    kind: 'copyright',
    pattern: /(©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|\bterms (of (use|service)|and conditions)\b|\bprivacy (policy|notice)\b|\bpowered by\b)/i,
    label: 'a copyright or legal notice',
    maxWords: 40,
  },
  // Advertising.
  {
    kind: 'advertisement',
    pattern: /^(advertisement|advertising|sponsored( content| by)?|ad|ads|promoted|paid (post|content)|story continues below( advertisement)?|article continues below|continue reading below|scroll to continue( with content)?|partner content)\b/i,
    label: 'an advertisement marker',
    maxWords: 8,
  },
  // Navigation and page chrome.
  {
    kind: 'navigation',
    pattern:
      /^(skip to (main )?(content|navigation)|jump to|toggle (navigation|menu)|main menu|menu|home|search|close|open menu|back to top|go to top|breadcrumbs?|you are here:?|previous|next|load more|show more|view all|see all|more|expand|collapse)$/i,
    label: 'a navigation control',
    maxWords: 6,
  },
  // Buttons, calls to action and form fields.
  {
    kind: 'navigation',
    pattern:
      /^(submit|send|send code|resend code|book now|book a (call|demo|consultation)|get started|get started today|learn more|find out more|contact( us)?|buy now|shop now|order now|add to (cart|bag|basket)|get (a |your )?(free )?(quote|estimate)|request a (demo|quote|callback)|try (it )?(for )?free|apply now|download( now| the app| (the |our )?(free )?(guide|ebook|report|pdf))?|register( now)?|got it|ok(ay)?|continue|cancel|dismiss|accept|decline|allow|no,? thanks|maybe later|i agree|yes|no|previous|next|back|go back|close( menu)?|print|save|edit|copy|select|filter|sort|apply|reset|clear( all)?|all|none|loading\.*|please wait\.*|required|optional|(first|last|full|company|business) name ?\*?|e-?mail( address)? ?\*?|phone( number)? ?\*?|password ?\*?|message ?\*?|zip( code)?:? ?\*?|[^.!?]{1,40} \*)$/i,
    label: 'a button, call to action or form field',
    maxWords: 7,
  },
  // Bylines and article chrome.
  {
    kind: 'byline',
    pattern:
      /^(by|written by|posted by|author:?|authors:?|reporting by|edited by|reviewed by|medically reviewed by|fact[- ]checked by|contributions? (from|by)|photo(graph)?s? by|(photo|image|video) credit|credit|source|via|published( on| by)?|updated( on)?|last updated|posted( on| in)?)\b/i,
    label: 'a byline or date line',
    maxWords: 14,
  },
  {
    kind: 'byline',
    pattern: /^\d+\s*(min(ute)?s?|hours?|hrs?)\s*(read|ago)$/i,
    label: 'a byline or date line',
    maxWords: 5,
  },
];

/** Comment threads: the lines around each comment. */
export const COMMENT_PATTERNS: readonly FurniturePattern[] = [
  {
    kind: 'other',
    pattern:
      /^(reply|reply to (this|\S+( \S+)?)|reply to this share|report( comment| abuse)?|quote|permalink|parent|flag|like|dislike|upvote|downvote|\d+ (likes?|replies|points?|votes?)|load (more )?(comments|replies)|view (\d+ )?(more )?(replies|comments)|show (\d+ )?(more )?replies|(newest|oldest|most voted|top|best)( first)?|sort by:?.*|\d+ (seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago|.{1,60} (says|said|wrote|writes):)$/i,
    label: 'a comment-thread marker',
    maxWords: 12,
  },
  {
    kind: 'other',
    pattern: /\((score|scored):\s*-?\d|\blog ?in to (reply|comment)|\bin reply to\b/i,
    label: 'a comment-thread marker',
    maxWords: 40,
  },
];

/**
 * Lines that close the article when they stand alone after its text: a comment section,
 * "Related posts", "About the author", tags, post navigation. Everything after them is
 * furniture. Tested against lines of at most 8 words.
 */
export const END_OF_ARTICLE =
  /^((\d+|no|one|two|three)\s+)?(comments?|replies|(comments?|thoughts|responses|replies) (on|to) .*)(\s*\(\d+\))?:?$|^(leave|post|add|write|submit) (a|your) (comment|reply|review)|^(join|start) the (discussion|conversation)|^comments are closed|^the following comments are|^related (articles|posts|stories|content|news)$|^(you|we think you) (may|might|will|'ll) (also )?(like|enjoy|love)|^(more|other) (articles?|posts?|stories|news|reads) (from|by|on|in|like|you)|^recommended( (for you|reading|articles|posts|stories))?:?$|^(read|see) more (articles|posts|stories)$|^popular (posts|articles|stories)|^most (popular|read|viewed)|^trending( now| stories| articles)?:?$|^about the (author|writer|authors)|^(tags?|tagged|filed under|categories|category|topics)\s*:|^post navigation$|^(references|footnotes|bibliography|works cited|citations)$|^(previous|next) (post|article|story)/i;

/** Which of the END_OF_ARTICLE lines open a comment section (never the article itself). */
export const COMMENT_SECTION = /comment|repl(y|ies)|discussion|conversation|thoughts on|responses?/i;

/** A line of nothing but punctuation: "-", "***", "—", "* * *", "###", "___". */
export const SEPARATOR_LINE = /^[\s\-–—_*=~#•·.+|/\\<>]+$/u;

/** Markers a scraper leaves at the end of a story (wire copy "ENDS", "-30-"). */
export const END_MARKER = /^[-–—(\s]*(end|ends|-?30-?|xxx)[-–—)\s.]*$/i;

/** Frequent function words, by language, for prose detection (stopword density). */
export const STOPWORDS: Readonly<Record<string, readonly string[]>> = {
  en: `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves it's don't i'm you're we're they're that's there's can't
won't isn't aren't wasn't weren't hasn't haven't didn't doesn't said says may might must shall one
two many much even still however although though yet since per via upon within without across
among around another every whether either neither`.split(/\s+/),
  de: `der die das und ist nicht ein eine einen einem einer zu den dem des mit auf für sich von im in
auch es an als wie wir ich sie er aus bei nach noch wird werden wurde sind war hat haben oder aber
so nur kann dass über vor zum zur um durch`.split(/\s+/),
  fr: `le la les de des du un une et est en que qui dans pour pas sur au aux avec ce cette ces il elle
ils elles nous vous on se sa son ses leur leurs mais ou plus par ne a été être sont était comme`.split(/\s+/),
  es: `el la los las de del y en que un una es por con para no se su sus al lo como más pero o este
esta ha son fue ser le les ya muy también sobre entre cuando todo`.split(/\s+/),
  it: `il lo la i gli le di del della dei delle e è che un una per con non si in da al alla sono come
ma più anche nel nella questo questa ha sul sulla tra`.split(/\s+/),
  pt: `o a os as de do da dos das e é que um uma em no na nos nas para por com não se mais como mas ao
foi ser são seu sua também pelo pela`.split(/\s+/),
  nl: `de het een en van in is dat op te zijn met voor niet aan er die ook als bij door wordt worden
maar om uit dan nog was naar`.split(/\s+/),
};
