export { read, type ReadInput, type ReadOptions, type UnderstandOptions } from './read.js';
export { toArticleJson, type ArticleJson } from './output/json.js';
export { DatelineError, type ErrorCode } from './doc/errors.js';
export type {
  NewsDoc,
  Source,
  Block,
  BlockKind,
  Furniture,
  FurnitureKind,
  Author,
  DateField,
  Dateline,
  ArticleMetadata,
  DecodingInfo,
} from './doc/news-doc.js';
export type {
  Sentence,
  Token,
  TokenKind,
  Mention,
  Entity,
  EntityType,
  Role,
  Quote,
  QuoteKind,
  SpanText,
  TimeExpression,
} from './doc/annotations.js';
export type { Diagnostic, DiagnosticCode } from './doc/diagnostics.js';
export type { Span } from './doc/span.js';
export type { Stage, Capability } from './pipeline/stage.js';
export { buildPipeline, type Pipeline } from './pipeline/pipeline.js';
export { ingest, type IngestOptions, type IngestSummary, type IngestEvent } from './collect/ingest.js';
export { listSources, type ListOptions, type ListedEntry } from './collect/list.js';
export type { NetworkOptions } from './collect/network.js';
export { openStore, SqliteStore } from './store/sqlite/index.js';
export type { Store, ItemState, ItemKind, ItemRow, StatusReport, StateCounts, ExportedArticle } from './store/store.js';
export { startServer, type ServeOptions, type RunningServer } from './serve/server.js';
export type {
  SearchQuery,
  SearchPage,
  SearchHit,
  Facets,
  Timeline,
  StoredArticle,
  EntityQuery,
  EntityList,
  EntityPage,
  EntitySummary,
  AttributedQuote,
  StoreReader,
} from './store/queries.js';
