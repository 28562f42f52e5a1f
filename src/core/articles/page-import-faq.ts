import { detectCommand, type CommandKind } from './known-programs.js';
import { firstSentenceEnd } from './page-text.js';
import type { Shell } from './schema.js';

/**
 * DESIGN.md: "a command named in an answer goes in its own fenced block". A page's answer
 * names commands inside sentences ("Try running: netsh winhttp show proxy in Administrator
 * Command Prompt to see your current proxy settings."); the sentence is rewritten around the
 * command so that no word is lost ("Try running this in Administrator Command Prompt to see
 * your current proxy settings:") and the command follows in a fence. Only a known program or
 * cmdlet after "run:", "running:", "type:", "enter:" (or "run the command:") is taken: any
 * other text after a colon is prose.
 */

const INTRODUCER =
  /\b(?:run|running|type|typing|enter|entering|execute|executing)(?:\s+(?:this|the following|the)\s+(?:command|cmdlet))?:\s+/gi;
const ENDS_WITH_VERB = /\b(?:run|running|type|typing|enter|entering|execute|executing)$/i;

/** Where a command inside a sentence stops: the prose that follows it. */
const COMMAND_ENDS = [
  /\s+(?:in|from|using)\s+(?:an?\s+)?(?:(?:administrator|admin|elevated)\s+)?(?:command prompt|powershell|windows terminal|terminal)\b/i,
  /\s+(?:to|and|then|which|so|—|–)\s/i,
  /[.!?](?=\s|$)/,
];
/** A comma ends a program's arguments, but PowerShell lists use commas ("Stop-Service bits, wuauserv"). */
const PROGRAM_ENDS = /[,;](?=\s)/;

function commandLength(text: string, kind: CommandKind): number {
  const ends = kind === 'program' ? [...COMMAND_ENDS, PROGRAM_ENDS] : COMMAND_ENDS;
  return Math.min(...ends.map((end) => end.exec(text)?.index ?? text.length));
}

/** Index where the sentence containing `index` starts. */
function sentenceStart(text: string, index: number): number {
  let start = 0;
  for (let end = firstSentenceEnd(text); end !== -1 && end <= index;) {
    start = end;
    end = firstSentenceEnd(text, end);
  }
  return start;
}

const fence = (command: string, shell: Shell): string => `\`\`\`${shell}\n${command}\n\`\`\``;

function fenceParagraph(paragraph: string): string {
  for (const intro of paragraph.matchAll(INTRODUCER)) {
    const after = paragraph.slice(intro.index + intro[0].length);
    const kind = detectCommand(after);
    if (!kind) continue;
    const length = commandLength(after, kind);
    const command = after.slice(0, length).trim();
    const tail = after.slice(length);
    // The rest of the command's sentence, and the sentences after it.
    const end = /^[.!?](?:\s|$)/.test(tail) ? 1 : firstSentenceEnd(tail);
    const sentenceRest = end === -1 ? tail : tail.slice(0, end);
    const following = end === -1 ? '' : tail.slice(end).trim();

    const start = sentenceStart(paragraph, intro.index);
    const lead = paragraph.slice(start, intro.index).trimStart() + intro[0].replace(/:\s+$/, '');
    const restWords = sentenceRest.trimEnd().replace(/\.$/, '');
    const closing = /[?!]$/.test(restWords) ? '' : ':';
    const sentence = `${lead}${ENDS_WITH_VERB.test(lead) ? ' this' : ''}${restWords}${closing}`;
    const head = paragraph.slice(0, start).trim();
    const shell: Shell = kind === 'cmdlet' || /powershell/i.test(sentence) ? 'powershell' : 'cmd';
    return [
      head === '' ? sentence : `${head} ${sentence}`,
      fence(command, shell),
      following === '' ? '' : fenceParagraph(following),
    ]
      .filter((part) => part !== '')
      .join('\n\n');
  }
  return paragraph;
}

/** An answer's paragraphs (blank-line separated) with each named command in its own fence. */
export function fenceAnswerCommands(answer: string): string {
  return answer
    .split(/\n{2,}/)
    .map((paragraph) => fenceParagraph(paragraph.trim()))
    .join('\n\n');
}
