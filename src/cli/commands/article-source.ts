import type { ArticleSource } from '../cli-wiring.js';
import type { CommandContext } from '../command-spec.js';

/**
 * Says on stderr when a look-up reads a database (and which), or why it could not; the
 * bundled content needs no mention, it is what a look-up without a database answers from.
 */
export function describeArticleSource(
  context: CommandContext,
  command: string,
  source: ArticleSource,
): void {
  if (source.kind === 'database') {
    context.print.err(`erratlas ${command}: articles from database ${source.file} (read-only)`);
  } else if (source.reason) {
    context.print.err(`erratlas ${command}: ${source.reason}; articles from the bundled content`);
  }
}
