import { readNotation } from '../../core/codes/read-notation.js';
import { findProduct } from '../../core/products/registry.js';
import { readHttpAddress } from '../base-url.js';
import { BadInputError, UsageError } from '../cli-io.js';
import { defineCommand } from '../command-spec.js';
import { SHARE_NOTHING, shareOutcomes } from '../fix/outcome-sharing.js';
import { printFixScript } from '../fix/print-fix-script.js';
import { sessionApiClient } from '../fix/session-api-client.js';
import { walkInTerminal } from '../fix/terminal-walk.js';
import { keyPrompter } from '../key-prompter.js';
import { linePrompter } from '../prompt-lines.js';
import { cliConfig } from '../with-deps.js';
import { COMMAND_SUMMARIES } from '../command-summaries.js';

/**
 * `erratlas fix 0x80244001`: the walk-through of the web pages, in the terminal
 * (`fix/terminal-walk.ts`), or with `--script` a script that runs the fixes
 * (`fix/print-fix-script.ts`). The walk records nothing unless `--share-outcome` names a
 * server to send its answers to. On a terminal the choices are menus (arrow keys and Enter);
 * from a pipe they are numbered prompts read a line at a time, so a script can drive it.
 */
export const fixCommand = defineCommand({
  name: 'fix',
  summary: COMMAND_SUMMARIES.fix,
  arguments: '<code>',
  // At least one, checked in `run` so the message can say what the command needs.
  count: { min: 0, max: Number.POSITIVE_INFINITY, what: 'a code (0x80244001, -2145107967…)' },
  options: {
    platform: {
      type: 'string',
      value: 'id',
      description: 'the Windows it runs on (windows-11, windows-10…); asked when not given',
    },
    product: { type: 'string', value: 'slug', description: 'the product (default windows-update)' },
    db: {
      type: 'string',
      value: 'url',
      description: 'the database whose articles and outcomes order the fixes (DATABASE_URL syntax)',
    },
    script: {
      type: 'string',
      value: 'cmd|ps1',
      description: 'print a script that runs the fixes instead of walking them (nothing is asked)',
    },
    from: {
      type: 'string',
      value: 'fix-id',
      description: 'start the walk at this fix (as `erratlas diagnose` suggests)',
    },
    fixes: {
      type: 'string',
      value: 'id,id',
      description: 'with --script: the fixes to run, in this order (default: all that apply)',
    },
    'share-outcome': {
      type: 'string',
      value: 'server url',
      description:
        'send each answer to this Error Atlas server (a session there, counted in its statistics)',
    },
  },
  async run({ values, positionals }, context) {
    const notation = positionals.join(' ').trim();
    if (notation === '') throw new UsageError('fix needs a code, e.g. erratlas fix 0x80244001');
    const product = values.product ?? 'windows-update';
    if (values.from !== undefined && values.script !== undefined)
      throw new UsageError(
        '--from starts the walk-through at a fix; with --script, choose fixes with --fixes',
      );
    if (values.fixes !== undefined && values.script === undefined)
      throw new UsageError(
        '--fixes chooses the fixes of a script: give --script cmd or --script ps1 too',
      );
    if (values['share-outcome'] !== undefined && values.script !== undefined)
      throw new UsageError(
        '--share-outcome sends the answers of a walk-through; a script asks nothing to share',
      );
    if (values.script !== undefined)
      return printFixScript(context, values.db, {
        notation,
        product,
        format: values.script,
        fixes: values.fixes,
        platform: values.platform,
      });
    let server: string | undefined;
    if (values['share-outcome'] !== undefined) {
      const read = readHttpAddress(values['share-outcome'], '--share-outcome');
      if (!read.ok) throw new BadInputError(read.reason);
      server = read.value;
    }
    const config = cliConfig(context, values.db);
    // The database the web walk reads (opened, migrated and synced as `serve` does); nothing
    // is written to it beyond that: the walk stays in memory.
    const opened = await context.wiring.openDeps(config);
    try {
      const { deps } = opened;
      const found = findProduct(deps.registry, product);
      if (!found)
        throw new BadInputError(
          `"${product}" is not a product; known: ${deps.registry.products.map((p) => p.slug).join(', ')}`,
        );
      const read = readNotation(notation, deps.catalog);
      const code = read.ok ? read.value[0]?.code : undefined;
      if (code === undefined)
        throw new BadInputError(
          `"${notation}" does not read as an error code; write it as shown, e.g. 0x80244001`,
        );
      if (values.platform !== undefined && !found.platforms.includes(values.platform)) {
        throw new BadInputError(
          `"${values.platform}" is not a platform of ${product}; choose one of: ${found.platforms.join(', ')}`,
        );
      }
      if (context.io.stdin === undefined)
        throw new BadInputError('fix reads its answers from stdin, and there is none');
      // Menus on a terminal; numbered prompts from a pipe or a file, or when stdout is not one.
      const { stdin, keyboard } = context.io;
      const prompter = keyboard
        ? keyPrompter(stdin, keyboard, context.print)
        : linePrompter(stdin, context.print);
      try {
        return await walkInTerminal({
          deps,
          print: context.print,
          prompter,
          sharing:
            server === undefined
              ? SHARE_NOTHING
              : shareOutcomes(sessionApiClient(server), (line) => context.print.err(line)),
          product,
          code,
          platform: values.platform,
          platforms: found.platforms,
          startFix: values.from,
        });
      } finally {
        prompter.close();
      }
    } finally {
      await opened.close();
    }
  },
});
