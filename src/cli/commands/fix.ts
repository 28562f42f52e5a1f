import { readNotation } from '../../core/codes/read-notation.js';
import { findProduct, platformName } from '../../core/products/registry.js';
import { codeInMessage } from '../../core/troubleshoot/message-code.js';
import { professionalSummary } from '../../core/troubleshoot/professional-summary.js';
import {
  answerStep,
  currentLeg,
  settle,
  startWalk,
  viewOf,
} from '../../core/troubleshoot/walk-machine.js';
import { COULD_NOT_REASONS, type Answer, type WalkState } from '../../core/troubleshoot/walk.js';
import { loadWalkSubject } from '../../app/walk-subject.js';
import type { AppDeps } from '../../app/deps.js';
import { BadInputError, EXIT, UsageError } from '../cli-io.js';
import { defineCommand, type CommandContext } from '../command-spec.js';
import {
  buildFixScriptFor,
  isScriptFormat,
  parseFixList,
  type FixScriptRequest,
} from '../../app/build-fix-script.js';
import type { FixScript } from '../../core/scripts/fix-script.js';
import { DomainError } from '../../core/errors.js';
import { formatFixStep } from '../format-fix-step.js';
import { askChoice, linePrompter, type Prompter } from '../prompt-lines.js';
import type { TerminalOutput } from '../terminal-output.js';
import { cliConfig } from '../with-deps.js';

const ANSWER_BY_CHOICE: Record<number, Answer> = { 1: 'fixed', 2: 'still-failing', 3: 'could-not' };

/**
 * `erratlas fix 0x80244001`: the walk-through of the web pages, in the terminal. The steps and
 * their order are the same (outcomes included); the walk is kept in memory and nothing is
 * recorded. Prompts are numbered lines, so answers can come from a pipe.
 */
export const fixCommand = defineCommand({
  name: 'fix',
  summary: 'walk the fixes of a code one at a time (numbered prompts on stdin; records nothing)',
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
    if (values.script !== undefined)
      return printFixScript(context, values.db, {
        notation,
        product,
        format: values.script,
        fixes: values.fixes,
        platform: values.platform,
      });
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
      const prompter = linePrompter(context.io.stdin, (question) => context.print.prompt(question));
      try {
        return await walk(
          deps,
          context.print,
          prompter,
          product,
          code,
          values.platform,
          found.platforms,
          values.from,
        );
      } finally {
        prompter.close();
      }
    } finally {
      await opened.close();
    }
  },
});

/**
 * `--script cmd|ps1`: the script on stdout, exactly as the web page's download (CRLF line ends,
 * ASCII only, so nothing in it needs escaping for a terminal). Reads articles without writing
 * anything: the configured database when it exists, else the bundled content.
 */
async function printFixScript(
  context: CommandContext,
  db: string | undefined,
  asked: {
    notation: string;
    product: string;
    format: string;
    fixes: string | undefined;
    platform: string | undefined;
  },
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

/** Text as lines through the one printer (a trailing newline is the printer's own). */
const asLines = (text: string): string[] => text.replace(/\n$/, '').split('\n');

async function walk(
  deps: AppDeps,
  print: TerminalOutput,
  prompter: Prompter,
  product: string,
  code: string,
  givenPlatform: string | undefined,
  platforms: readonly string[],
  startFix: string | undefined,
): Promise<number> {
  const say = (text: string) => print.out(...asLines(text));
  const ended = () => {
    print.err('erratlas fix: input ended before the walk-through did; nothing was recorded');
    return EXIT.nothingKnown;
  };
  let platform = givenPlatform;
  if (platform === undefined) {
    say(
      `Which Windows is this PC running?\n${platforms.map((p, i) => `  ${i + 1}. ${platformName(deps.registry, p)}`).join('\n')}\n`,
    );
    const choice = await askChoice(prompter, `Number (1-${platforms.length}): `, platforms.length);
    if (typeof choice !== 'number') return ended();
    platform = platforms[choice - 1]!;
  }
  let state: WalkState = startWalk(
    { product, code, ...(startFix === undefined ? {} : { startFix }) },
    platform,
  );
  const titles = new Map<string, string>();
  for (;;) {
    const { subject } = await loadWalkSubject(deps, state.path[currentLeg(state)]!, platform);
    for (const fix of subject.fixes) titles.set(`${currentLeg(state)}|${fix.id}`, fix.title);
    if (
      startFix !== undefined &&
      state.steps.length === 0 &&
      !subject.fixes.some((f) => f.id === startFix)
    )
      say(`"${startFix}" is not one of these fixes; starting with the first.\n`);
    state = settle(state, subject);
    const view = viewOf(state, subject);
    if (view.kind === 'fixed' || view.kind === 'exhausted' || view.kind === 'choose-platform') {
      if (view.kind === 'fixed')
        say(`\nFixed by: ${titles.get(`${view.by.leg}|${view.by.fixId}`) ?? view.by.fixId}\n`);
      if (view.kind === 'exhausted') {
        say('\nEvery step has been tried. When to call a professional:\n');
        if (subject.escalation) say(`${subject.escalation}\n`);
      }
      say(
        `\n${professionalSummary(state, { platformName: (id) => platformName(deps.registry, id), fixTitle: (leg, id) => titles.get(`${leg}|${id}`) ?? id })}`,
      );
      return EXIT.answered;
    }
    if (subject.source.kind === 'family' && view.position === 1) {
      say(
        subject.source.why === 'no-article'
          ? `\nThere is no article for ${subject.code} yet: these are the general fixes.\n`
          : `\nThe article does not cover ${platformName(deps.registry, platform)}: these are the general fixes.\n`,
      );
    }
    say(formatFixStep(view.fix, view.position, view.of, subject.code));
    const choice = await askChoice(
      prompter,
      "Did it work?  1. Fixed it  2. Still failing  3. I couldn't do this step: ",
      3,
    );
    if (typeof choice !== 'number') return ended();
    const answer = ANSWER_BY_CHOICE[choice]!;
    const extra: {
      reason?: (typeof COULD_NOT_REASONS)[number];
      message?: string;
      decodedCode?: string;
      newCode?: { product: string; code: string };
    } = {};
    if (answer === 'could-not') {
      const reason = await askChoice(
        prompter,
        'Why?  1. No administrator rights  2. A command failed  3. Another reason  (Enter to skip): ',
        3,
        true,
      );
      if (reason === undefined) return ended();
      if (typeof reason === 'number') extra.reason = COULD_NOT_REASONS[reason - 1]!;
      const message = await prompter.ask('What did it print? (Enter to skip): ');
      if (message === undefined) return ended();
      if (message !== '') {
        extra.message = message.slice(0, 2000);
        const decoded = codeInMessage(message, deps.catalog);
        if (decoded) {
          extra.decodedCode = decoded;
          say(`That message holds the code ${decoded}.\n`);
        }
      }
    }
    if (answer !== 'fixed') {
      const typed = await prompter.ask('Does it show a different code now? (Enter to skip): ');
      if (typed === undefined) return ended();
      const read = typed === '' ? undefined : readNotation(typed, deps.catalog);
      const next = read?.ok ? read.value[0]?.code : (extra.decodedCode ?? undefined);
      if (typed !== '' && !read?.ok)
        say(`"${typed}" does not read as a code; carrying on with ${subject.code}.\n`);
      if (next !== undefined && next !== subject.code) {
        extra.newCode = { product, code: next };
        say(`Now walking ${next}.\n`);
      }
    }
    const result = answerStep(state, subject, {
      step: view.step,
      fixId: view.fix.id,
      answer,
      ...extra,
    });
    if (result.kind !== 'recorded')
      throw new Error(`the walk refused its own step: ${JSON.stringify(result)}`);
    state = result.state;
  }
}
