import { loadWalkSubject } from '../../app/walk-subject.js';
import type { AppDeps } from '../../app/deps.js';
import { platformName } from '../../core/products/registry.js';
import { professionalSummary } from '../../core/troubleshoot/professional-summary.js';
import {
  answerStep,
  currentLeg,
  settle,
  startWalk,
  viewOf,
} from '../../core/troubleshoot/walk-machine.js';
import type { WalkState } from '../../core/troubleshoot/walk.js';
import { EXIT } from '../cli-io.js';
import { formatFixStep } from '../format-fix-step.js';
import type { Prompter } from '../prompter.js';
import type { TerminalOutput } from '../terminal-output.js';
import { askStepAnswer } from './ask-step-answer.js';
import type { OutcomeSharing } from './outcome-sharing.js';

export interface TerminalWalk {
  deps: AppDeps;
  print: TerminalOutput;
  prompter: Prompter;
  /** Where the answers go besides the terminal (nowhere unless --share-outcome). */
  sharing: OutcomeSharing;
  product: string;
  code: string;
  /** --platform; asked first when not given. */
  platform: string | undefined;
  /** The product's platforms, for the question. */
  platforms: readonly string[];
  /** --from: the fix to show first. */
  startFix: string | undefined;
}

/** Text as lines through the one printer (a trailing newline is the printer's own). */
const asLines = (text: string): string[] => text.replace(/\n$/, '').split('\n');

/**
 * The walk-through of the web pages, in the terminal: the same step machine and order
 * (outcomes of the local database included), kept in memory. Exit 0 at an end state, 1 when
 * the input ends before one.
 */
export async function walkInTerminal(walk: TerminalWalk): Promise<number> {
  const { deps, print, prompter, sharing } = walk;
  const say = (text: string) => print.out(...asLines(text));
  const ended = () => {
    print.err(
      `erratlas fix: input ended before the walk-through did; ${sharing.recordedSoFar() ?? 'nothing was recorded'}`,
    );
    return EXIT.nothingKnown;
  };
  let platform = walk.platform;
  if (platform === undefined) {
    const choice = await prompter.choose({
      title: 'Which Windows is this PC running?',
      options: walk.platforms.map((p) => platformName(deps.registry, p)),
      listed: true,
    });
    if (typeof choice !== 'number') return ended();
    platform = walk.platforms[choice]!;
  }
  const startFix = walk.startFix;
  let state: WalkState = startWalk(
    { product: walk.product, code: walk.code, ...(startFix === undefined ? {} : { startFix }) },
    platform,
  );
  await sharing.start(state.path[0]!, platform);
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
    if (view.kind !== 'step') {
      const fixTitle = (leg: number, id: string) => titles.get(`${leg}|${id}`) ?? id;
      if (view.kind === 'fixed') say(`\nFixed by: ${fixTitle(view.by.leg, view.by.fixId)}\n`);
      if (view.kind === 'exhausted') {
        say('\nEvery step has been tried. When to call a professional:\n');
        if (subject.escalation) say(`${subject.escalation}\n`);
      }
      const names = { platformName: (id: string) => platformName(deps.registry, id), fixTitle };
      say(`\n${professionalSummary(state, names)}`);
      sharing.finish();
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
    const reply = await askStepAnswer({
      prompter,
      catalog: deps.catalog,
      product: walk.product,
      code: subject.code,
      say: (...lines) => print.out(...lines),
    });
    if (reply === undefined) return ended();
    const { seenCode, ...answer } = reply;
    const result = answerStep(state, subject, { step: view.step, fixId: view.fix.id, ...answer });
    if (result.kind !== 'recorded')
      throw new Error(`the walk refused its own step: ${JSON.stringify(result)}`);
    await sharing.share({
      step: view.step,
      fixId: view.fix.id,
      ...answer,
      ...(seenCode === undefined ? {} : { seenCode }),
    });
    state = result.state;
  }
}
