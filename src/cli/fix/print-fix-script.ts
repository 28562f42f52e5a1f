import {
  buildFixScriptFor,
  isScriptFormat,
  parseFixList,
  type FixScriptRequest,
} from '../../app/build-fix-script.js';
import { readNotation } from '../../core/codes/read-notation.js';
import { DomainError } from '../../core/errors.js';
import type { FixScript } from '../../core/scripts/fix-script.js';
import { BadInputError, EXIT } from '../cli-io.js';
import type { CommandContext } from '../command-spec.js';
import { cliConfig } from '../with-deps.js';

export interface ScriptAsked {
  notation: string;
  product: string;
  format: string;
  fixes: string | undefined;
  platform: string | undefined;
}

/**
 * `erratlas fix <code> --script cmd|ps1`: the script on stdout, exactly as the web page's
 * download (CRLF line ends, ASCII only, so nothing in it needs escaping for a terminal). Reads
 * articles without writing anything: the configured database when it exists, else the bundled
 * content.
 */
export async function printFixScript(
  context: CommandContext,
  db: string | undefined,
  asked: ScriptAsked,
): Promise<number> {
  if (!isScriptFormat(asked.format))
    throw new BadInputError(`--script takes cmd or ps1, not "${asked.format}"`);
  const opened = await context.wiring.openReadOnlyDeps(cliConfig(context, db), { articles: true });
  try {
    const { deps } = opened;
    const read = readNotation(asked.notation, deps.catalog);
    const code = read.ok ? read.value[0]?.code : undefined;
    if (code === undefined)
      throw new BadInputError(
        `"${asked.notation}" does not read as an error code; write it as shown, e.g. 0x80244001`,
      );
    const request: FixScriptRequest = { product: asked.product, code, format: asked.format };
    if (asked.fixes !== undefined) {
      request.fixIds = parseFixList(asked.fixes);
      if (request.fixIds.length === 0)
        throw new BadInputError('--fixes names no fix; give ids such as reset-components,dism-sfc');
    }
    if (asked.platform !== undefined) request.platform = asked.platform;
    let script: FixScript;
    try {
      script = await buildFixScriptFor(deps, request);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') {
        context.print.err(`erratlas fix: ${error.message}; there is no script to make`);
        return EXIT.nothingKnown;
      }
      if (error instanceof DomainError) throw new BadInputError(error.message);
      throw error;
    }
    // A document, not lines: printed as made. buildFixScript emits printable ASCII and CRLF only.
    context.print.script(script.text);
    context.print.err(
      `erratlas fix: ${script.fileName} (${asked.format}); save it and read it before you run it`,
    );
    return EXIT.answered;
  } finally {
    await opened.close();
  }
}
