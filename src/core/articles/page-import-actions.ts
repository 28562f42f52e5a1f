import { detectCommand, shellFor, type CommandKind } from './known-programs.js';
import { splitSentences, stripFinalPeriod } from './page-text.js';
import type { Action, Shell } from './schema.js';

/**
 * A fix's instructions on a scraped page ("Open Administrator Command Prompt and run these
 * commands one at a time: net stop wuauserv — net stop bits — …") as ordered actions.
 *
 * Segments are joined by " — " and split again into sentences. A segment that starts with a
 * known program or cmdlet is a command. A segment "<introducer>: <command>" is read as
 * introducer + command: the phrase that only introduces ("In Administrator Command Prompt",
 * "…, then run") is dropped after it has set the shell and `admin`; what is left of it is a
 * `condition` of the command when it qualifies ("or on Windows 10 and later"), else a step of
 * its own ("wait for it to finish completely"). An introducer that no command follows is kept
 * as a step, as written, so that nothing on the page is lost.
 */

export interface FixInstructions {
  actions: Action[];
  /** The page asks for an elevated prompt ("Administrator Command Prompt"). */
  admin: boolean;
  /** A step restarts the computer ("then restart"), or a command does (`Restart-Computer`). */
  restart: boolean;
}

/** Where the page says to type commands: "In Administrator Command Prompt", "open PowerShell as administrator". */
const WHERE_SOURCE =
  '(?:(?:open|launch|start|in|from|using|use)\\s+)?(?:an?\\s+)?' +
  '(?:(?:administrator|admin|elevated)\\s+)?(?:command prompt|powershell|windows terminal|terminal)' +
  '(?:\\s*\\((?:admin|administrator)\\))?(?:\\s+(?:as|with)\\s+(?:an?\\s+)?administrator(?:\\s+rights)?)?' +
  '(?:\\s+window)?';
const WHERE_AT_END = new RegExp(`(?:^|,?\\s+(?:and\\s+)?)(${WHERE_SOURCE})$`, 'i');
const WHERE_AT_START = new RegExp(`^(${WHERE_SOURCE})(?:,\\s*|\\s+and\\s+|$)`, 'i');
/** A bare "PowerShell" at the end of a sentence is prose; a place to type needs a verb or "Administrator". */
const WHERE_IS_PLACE = /^(?:open|launch|start|in|from|using|use)\b|admin|elevated/i;

/** "…, then run these commands one at a time", "and run", "run each line". */
const RUN_TAIL =
  /(?:^|,?\s+)(?:(?:and|then)\s+)*(?:run|type|enter|execute)(?:\s+(?:these|the following|this|each|both|all|the))?(?:\s+(?:commands?|lines?|cmdlets?))?(?:\s+(?:one at a time|one by one|in order|in turn|separately))?$/i;

/** What is left of an introducer that qualifies the command after it. */
const CONDITION = /^(?:or|if|on|for|when|unless|otherwise|only|in\s+windows)\b/i;

const ADMIN_CONTEXT =
  /\b(?:administrator|admin|elevated)\s+(?:command prompt|powershell|windows terminal|terminal)\b|\b(?:command prompt|powershell|terminal)\s*\(admin(?:istrator)?\)|\b(?:command prompt|powershell|terminal)\s+as\s+(?:an?\s+)?administrator\b|\brun as administrator\b/i;

const RESTART_STEP =
  /\b(?:restart|reboot)\b(?:\s+(?:your|the)\s+(?:pc|computer|device|machine|system)\b|\s+windows\b(?!\s+update)|\s*$|\s*[,.;]|\s+(?:and|then|once|when|to|afterwards)\b)/i;
const RESTART_COMMAND = /^(?:restart-computer\b|shutdown(?:\.exe)?\s+[/-]r\b)/i;

interface Intro {
  step?: string;
  condition?: string;
  shell?: Shell;
  /** The introducer named a place to type commands. */
  where: boolean;
}

function shellOfPlace(place: string): Shell | undefined {
  if (/powershell/i.test(place)) return 'powershell';
  if (/command prompt/i.test(place)) return 'cmd';
  return undefined; // "Terminal" opens whichever shell its user chose: keep the current one.
}

/** Reads the text before a command's colon: "wait for it to finish completely, then run". */
function readIntro(prefix: string): Intro {
  let rest = prefix.trim().replace(RUN_TAIL, '').trim();
  let place: string | undefined;
  const atEnd = WHERE_AT_END.exec(rest);
  const atStart = WHERE_AT_START.exec(rest);
  if (atEnd?.[1] !== undefined && WHERE_IS_PLACE.test(atEnd[1])) {
    place = atEnd[1];
    rest = rest.slice(0, atEnd.index).trim();
  } else if (atStart?.[1] !== undefined && WHERE_IS_PLACE.test(atStart[1])) {
    place = atStart[1];
    rest = rest.slice(atStart[0].length).trim();
  }
  rest = rest.replace(/[,;]$/, '').trim();
  const shell = place === undefined ? undefined : shellOfPlace(place);
  const intro: Intro = { where: place !== undefined, ...(shell ? { shell } : {}) };
  if (rest === '') return intro;
  return CONDITION.test(rest) ? { ...intro, condition: rest } : { ...intro, step: rest };
}

/** "<introducer>: <command>" at the first colon that a command follows. */
function splitAtIntroducer(
  piece: string,
): { prefix: string; command: string; kind: CommandKind } | undefined {
  for (const colon of piece.matchAll(/:\s+/g)) {
    const command = piece.slice(colon.index + colon[0].length);
    const kind = detectCommand(command);
    if (kind) return { prefix: piece.slice(0, colon.index), command, kind };
  }
  return undefined;
}

/** Commands never end with a period: it belongs to the sentence around them. */
const commandText = (text: string): string => text.trim().replace(/\.$/, '').trimEnd();

export function parseInstructions(text: string): FixInstructions {
  const actions: Action[] = [];
  let context: Shell = 'cmd';
  let pending: { raw: string; intro: Intro } | undefined;

  const keepPendingAsStep = (): void => {
    if (pending) actions.push({ step: stripFinalPeriod(pending.raw) });
    pending = undefined;
  };
  /** An introducer before a command: sets the shell, keeps its step; its condition is returned. */
  const useIntro = (intro: Intro | undefined): string | undefined => {
    if (intro?.shell) context = intro.shell;
    if (intro?.step !== undefined) actions.push({ step: stripFinalPeriod(intro.step) });
    return intro?.condition;
  };

  const pieces = text.split(/\s+—\s+/).flatMap(splitSentences);
  for (const piece of pieces) {
    const direct = detectCommand(piece);
    const split = direct ? undefined : splitAtIntroducer(piece);
    const kind = direct ?? split?.kind;
    if (kind) {
      // "Open Command Prompt as administrator. Run: chkdsk C: /scan": both introduce.
      const before = useIntro(pending?.intro);
      pending = undefined;
      const condition = useIntro(split && readIntro(split.prefix)) ?? before;
      actions.push({
        command: commandText(split?.command ?? piece),
        shell: shellFor(kind, context),
        ...(condition !== undefined ? { condition } : {}),
      });
      continue;
    }
    keepPendingAsStep();
    const intro = readIntro(piece.replace(/[:.]$/, ''));
    const onlyPlace = intro.where && intro.step === undefined && intro.condition === undefined;
    if (piece.endsWith(':') || onlyPlace) {
      // Decided by the next piece: dropped before a command, else kept as a step.
      pending = { raw: piece, intro };
      continue;
    }
    actions.push({ step: stripFinalPeriod(piece) });
  }
  keepPendingAsStep();

  const restart = actions.some((action) =>
    'step' in action ? RESTART_STEP.test(action.step) : RESTART_COMMAND.test(action.command),
  );
  return { actions, admin: ADMIN_CONTEXT.test(text), restart };
}
