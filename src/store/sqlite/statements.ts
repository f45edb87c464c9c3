import type { Statement } from 'better-sqlite3';
import type { Db } from './open.js';

/** How many statements a connection keeps compiled: searches build a few dozen shapes of SQL. */
const KEEP = 256;

/**
 * Compiled statements by their SQL, per connection. Searches assemble their SQL from the
 * filters given, so the same few shapes recur; compiling each once saves a parse per
 * statement per search. The oldest is dropped past KEEP.
 */
export class Statements {
  private readonly compiled = new Map<string, Statement>();

  constructor(private readonly db: Db) {}

  get(sql: string): Statement {
    let statement = this.compiled.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      if (this.compiled.size >= KEEP) this.compiled.delete(this.compiled.keys().next().value as string);
      this.compiled.set(sql, statement);
    }
    // A kept statement may have been switched to plucking by its last user: each use starts from rows.
    return statement.pluck(false);
  }
}
