import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * The API's request and response shapes. Fastify validates requests against them (an
 * unknown or malformed parameter is a 400 naming it), serialises responses through them
 * (only listed fields leave the server), and the OpenAPI document is generated from them,
 * so the document cannot drift from what the server does.
 */

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A day, YYYY-MM-DD.' });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Cursor = Type.String({ minLength: 1, maxLength: 500, description: 'The `next` value of the previous page.' });
const Nullable = <T extends TSchema>(schema: T, options: { description?: string } = {}) => Type.Union([schema, Type.Null()], options);

export const SearchParams = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 1000, description: 'Words; "a phrase"; a OR b; -exclude; prefix*. Anything else is searched as plain words.' })),
    person: Type.Optional(Name),
    org: Type.Optional(Name),
    place: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Mentioned, or the dateline.' })),
    site: Type.Optional(Name),
    lang: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$' })),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    speaker: Type.Optional(Name),
    hasQuotes: Type.Optional(Type.Boolean()),
    sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('newest')])),
    copies: Type.Optional(Type.Union([Type.Literal('fold'), Type.Literal('all')], { description: 'fold (the default): each text once, its other copies counted in `copies`; all: every copy listed.' })),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  },
  { additionalProperties: false },
);
export type SearchParams = Static<typeof SearchParams>;

const SearchFilterFields = (({ cursor: _cursor, limit: _limit, copies: _copies, ...rest }) => rest)(SearchParams.properties);

export const TimelineParams = Type.Object(
  { ...SearchFilterFields, interval: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('week')])) },
  { additionalProperties: false },
);

export const ExportParams = Type.Object(
  {
    ...SearchFilterFields,
    copies: SearchParams.properties.copies,
    format: Type.Union([Type.Literal('csv'), Type.Literal('jsonl')]),
    max: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000, description: 'At most this many results (default and cap 10,000).' })),
  },
  { additionalProperties: false },
);

const SearchHit = Type.Object({
  id: Type.Integer(),
  headline: Nullable(Type.String()),
  url: Nullable(Type.String()),
  published: Nullable(Type.String()),
  site: Nullable(Type.String()),
  dateline: Nullable(Type.String()),
  language: Nullable(Type.String()),
  snippet: Type.String(),
  highlights: Type.Array(Type.Tuple([Type.Integer(), Type.Integer()])),
  quotes: Type.Integer(),
  copies: Type.Integer({ description: 'Other copies of its text in the collection, folded into this result: each text is listed once, where its first matching copy ranks.' }),
});

const FacetValue = Type.Object({ value: Type.String(), id: Type.Optional(Type.Integer()), count: Type.Integer() });

export const SearchResponse = Type.Object({
  results: Type.Array(SearchHit),
  total: Type.Integer(),
  totalIsLowerBound: Type.Optional(Type.Literal(true, { description: 'Counting stopped at its cap of 10,000: there are at least `total`.' })),
  facets: Type.Object({
    people: Type.Array(FacetValue),
    organisations: Type.Array(FacetValue),
    places: Type.Array(FacetValue),
    sites: Type.Array(FacetValue),
    over: Type.Integer({ description: 'How many of the best results the facet counts are over.' }),
  }),
  next: Nullable(Type.String()),
  note: Type.Optional(Type.String()),
});

export const TimelineResponse = Type.Object({
  interval: Type.Union([Type.Literal('day'), Type.Literal('week')]),
  buckets: Type.Array(Type.Object({ start: Type.String(), count: Type.Integer() })),
  undated: Type.Integer(),
});

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) }, { additionalProperties: false });
export const NoParams = Type.Object({}, { additionalProperties: false });

export const ArticleResponse = Type.Object(
  { id: Type.Integer(), headline: Nullable(Type.String()), body: Type.String() },
  { additionalProperties: true, description: 'The article JSON exactly as `dateline read --format json` prints it, plus `id`.' },
);

const EntityKind = Type.Union([Type.Literal('person'), Type.Literal('organisation'), Type.Literal('place'), Type.Literal('other')]);
const EntitySummary = Type.Object({ id: Type.Integer(), name: Type.String(), type: EntityKind, articles: Type.Integer() });

export const EntitiesParams = Type.Object(
  { type: Type.Optional(EntityKind), q: Type.Optional(Type.String({ maxLength: 200 })), cursor: Type.Optional(Cursor), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
  { additionalProperties: false },
);
export const EntitiesResponse = Type.Object({ results: Type.Array(EntitySummary), next: Nullable(Type.String()) });
export const EntityParams = Type.Object({ cursor: Type.Optional(Cursor) }, { additionalProperties: false });

const ArticleRef = Type.Object({ id: Type.Integer(), headline: Nullable(Type.String()), url: Nullable(Type.String()), published: Nullable(Type.String()), site: Nullable(Type.String()) });

const AttributedQuote = Type.Object({
  id: Type.Integer(),
  text: Type.String(),
  kind: Type.String(),
  cue: Nullable(Type.String()),
  speakerMention: Nullable(Type.String()),
  start: Type.Integer(),
  end: Type.Integer(),
  article: ArticleRef,
});

export const EntityResponse = Type.Object({
  ...EntitySummary.properties,
  roles: Type.Array(Type.Object({ text: Type.String(), count: Type.Integer(), first: Nullable(Type.String()), last: Nullable(Type.String()) })),
  aliases: Type.Array(Type.Object({ name: Type.String(), articles: Type.Integer() }), {
    description: 'The names articles give it across the collection, the most used first (up to 12): mentions in different articles that name the same entity are one entity.',
  }),
  recentArticles: Type.Array(ArticleRef),
  datelined: Type.Array(ArticleRef),
  datelinedCount: Type.Integer(),
  quotes: Type.Array(AttributedQuote),
  quoteCount: Type.Integer(),
  nextQuotes: Nullable(Type.String()),
  coMentioned: Type.Array(Type.Object({ ...EntitySummary.properties, shared: Type.Integer() })),
  namesakes: Type.Array(Type.Object({ ...EntitySummary.properties, roles: Type.Array(Type.String()) }), {
    description: 'Others of the same name, told apart from it by their roles and company, with their commonest roles.',
  }),
});

const StorySummary = Type.Object({
  id: Type.Integer(),
  label: Nullable(Type.String({ description: 'Its most representative headline.' })),
  articles: Type.Integer({ description: 'Its articles, copies included.' }),
  copies: Type.Integer({ description: 'How many of its articles are copies of another.' }),
  first: Nullable(Type.String({ description: 'Publication date of its first article.' })),
  last: Nullable(Type.String({ description: 'Publication date of its last article.' })),
});

export const StoriesParams = Type.Object({ cursor: Type.Optional(Cursor), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }, { additionalProperties: false });
export const StoriesResponse = Type.Object({ results: Type.Array(StorySummary, { description: 'The most recently grown first.' }), next: Nullable(Type.String()) });
const RelatedStory = Type.Object({
  ...StorySummary.properties,
  score: Type.Number({ description: 'How near: the cosine of the two stories\' descriptions (words, people, organisations, places), 0–1.' }),
  shared: Type.Array(EntitySummary, { description: 'People, organisations and places both stories name, the weightiest first.' }),
});

export const ArticleLinksResponse = Type.Object({
  story: Nullable(StorySummary, { description: 'Its story; null for an article stored with linking off and not linked yet.' }),
  original: Nullable(ArticleRef, { description: 'The earliest published copy of its text, when it is a later copy.' }),
  copies: Type.Array(ArticleRef, { description: 'The other copies of its text, in publication order.' }),
  related: Type.Array(RelatedStory, { description: 'Stories related to its story, the nearest first (at most 5).' }),
});

export const StoryResponse = Type.Object({
  ...StorySummary.properties,
  related: Type.Array(RelatedStory, { description: 'Other stories naming the same people, organisations and places, or continuing it, the nearest first (at most 5); never the story itself, so never a copy of its articles.' }),
  timeline: Type.Array(Type.Object({ ...ArticleRef.properties, copies: Type.Array(ArticleRef) }), { description: 'Its articles in publication order (the first 200), each copy folded under the earliest published of its text.' }),
  speakers: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), quotes: Type.Array(AttributedQuote) }), { description: 'People quoted in it, the most quoted first (up to 12, 20 quotes each).' }),
});

const StateCounts = Type.Object({ pending: Type.Integer(), stored: Type.Integer(), duplicate: Type.Integer(), skipped: Type.Integer(), failed: Type.Integer() });

export const SourcesResponse = Type.Object({
  states: StateCounts,
  articles: Type.Integer(),
  sources: Type.Array(
    Type.Object({
      id: Type.Integer(),
      kind: Type.String(),
      location: Type.String(),
      states: StateCounts,
      lastSuccessAt: Nullable(Type.String()),
      lastError: Nullable(Type.Object({ code: Type.String(), message: Type.String(), at: Type.String(), url: Nullable(Type.String()) })),
    }),
  ),
});

export const IngestBody = Type.Object(
  {
    url: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
    html: Type.Optional(Type.String({ minLength: 1 })),
    text: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false, description: 'A URL to fetch, a page ({html, url?}) or scraped text ({text}).' },
);
export type IngestBody = Static<typeof IngestBody>;

export const IngestResponse = Type.Object({
  item: Type.Integer(),
  state: Type.Union([Type.Literal('pending'), Type.Literal('stored'), Type.Literal('duplicate'), Type.Literal('skipped'), Type.Literal('failed')]),
  code: Nullable(Type.String()),
  message: Nullable(Type.String()),
  article: Nullable(Type.Integer()),
});

export const ErrorResponse = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }) });
