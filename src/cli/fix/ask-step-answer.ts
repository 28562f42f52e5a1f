import type { Catalog } from '../../core/codes/catalog.js';
import { readNotation } from '../../core/codes/read-notation.js';
import { codeInMessage } from '../../core/troubleshoot/message-code.js';
import type { StepAnswer } from '../../core/troubleshoot/walk-machine.js';
import { COULD_NOT_REASONS, type Answer } from '../../core/troubleshoot/walk.js';
import type { Prompter } from '../prompter.js';

const ANSWERS: readonly Answer[] = ['fixed', 'still-failing', 'could-not'];

/** What a pasted message may hold, as the web form and the API bound it. */
const MAX_MESSAGE = 2000;

/** A step's answer without the step: what the person said about the fix shown. */
export type StepReply = Omit<StepAnswer, 'step' | 'fixId'> & {
  /**
   * The code the error shows now, canonical, when there is one (typed, else found in the
   * message): the same code as before is no jump, but the server is told it too, so that it
   * does not jump to a code in the message either.
   */
  seenCode?: string;
};

export interface StepContext {
  prompter: Prompter;
  catalog: Catalog;
  product: string;
  /** The code the current leg walks. */
  code: string;
  say: (...lines: string[]) => void;
}

/**
 * Asks what happened with the fix just shown: did it work; if it could not be done, why and
 * what it printed (a code in that is decoded); if it did not work, whether a new code shows
 * (which the walk jumps to). `undefined` when the input ends first.
 */
export async function askStepAnswer(context: StepContext): Promise<StepReply | undefined> {
  const { prompter, catalog, say } = context;
  const choice = await prompter.choose({
    title: 'Did it work?',
    options: ['Fixed it', 'Still failing', "I couldn't do this step"],
  });
  if (typeof choice !== 'number') return undefined;
  const reply: StepReply = { answer: ANSWERS[choice]! };
  if (reply.answer === 'could-not') {
    const reason = await prompter.choose({
      title: 'Why?',
      options: ['No administrator rights', 'A command failed', 'Another reason'],
      skippable: true,
    });
    if (reason === undefined) return undefined;
    if (typeof reason === 'number') reply.reason = COULD_NOT_REASONS[reason]!;
    const message = await prompter.ask('What did it print? (Enter to skip): ');
    if (message === undefined) return undefined;
    if (message !== '') {
      reply.message = message.slice(0, MAX_MESSAGE);
      const decoded = codeInMessage(message, catalog);
      if (decoded) {
        reply.decodedCode = decoded;
        say(`That message holds the code ${decoded}.`);
      }
    }
  }
  if (reply.answer !== 'fixed') {
    const typed = await prompter.ask('Does it show a different code now? (Enter to skip): ');
    if (typed === undefined) return undefined;
    const read = typed === '' ? undefined : readNotation(typed, catalog);
    const next = read?.ok ? read.value[0]?.code : reply.decodedCode;
    if (typed !== '' && !read?.ok)
      say(`"${typed}" does not read as a code; carrying on with ${context.code}.`);
    if (next !== undefined) reply.seenCode = next;
    if (next !== undefined && next !== context.code) {
      reply.newCode = { product: context.product, code: next };
      say(`Now walking ${next}.`);
    }
  }
  return reply;
}
