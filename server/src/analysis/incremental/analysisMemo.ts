// Everything a host keeps between analyses of the same repository so that an edit costs what it touched.
import type { ExpansionResult } from '../appsets/expansionTypes';
import { ParseCache } from '../parseCache';
import type { SourceRender } from '../sources/sourceRender';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from '../yaml/parseYamlFile';
import { ReadMemo } from './readMemo';

/**
 * The caches a language server passes to every analysis of one folder. Each holds results of pure
 * computations checked against the new snapshot before reuse (parses by text, renders and
 * ApplicationSet expansions by the files and folders they read), so an analysis with the memo
 * returns exactly what it would return without it.
 */
export class AnalysisMemo {
  readonly parseCache: ParseCache;
  /** Source renders by request. */
  readonly renders = new ReadMemo<SourceRender>();
  /** ApplicationSet expansions by set and by the repository facts they depend on. */
  readonly expansions = new ReadMemo<ExpansionResult>();

  constructor(limits: ParseLimits = DEFAULT_PARSE_LIMITS) {
    this.parseCache = new ParseCache(limits);
  }

  /** Called by `analyze` at the start of each analysis: forgets what the previous one did not use. */
  nextGeneration(): void {
    this.renders.nextGeneration();
    this.expansions.nextGeneration();
  }
}
