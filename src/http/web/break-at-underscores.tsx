import type { VNode } from 'preact';
import { splitRunTogether } from '../../core/families/name-words.js';

/**
 * The words of a run of capitals, if it is a run-together part of a symbolic name
 * (`POSTREBOOTUNEXPECTEDSTATE` → POST, REBOOT, …); else the run as it is.
 */
function wordsOf(text: string): string[] {
  const pieces: string[] = [];
  let at = 0;
  for (const match of text.matchAll(/[A-Z]{7,}/g)) {
    const words = splitRunTogether(match[0]);
    if (words.length < 2) continue;
    pieces.push(text.slice(at, match.index) + (words[0] ?? ''), ...words.slice(1));
    at = match.index + match[0].length;
  }
  if (pieces.length === 0) return [text];
  pieces[pieces.length - 1] += text.slice(at);
  return pieces;
}

/**
 * Text with a line-break opportunity (`<wbr>`) after every `_`, and between the words of a
 * run-together part (SOAPCLIENT, POSTREBOOTUNEXPECTEDSTATE), so a long symbolic name such as
 * WU_E_PT_SOAPCLIENT_INITIALIZE wraps between its words on a narrow screen, never mid-word.
 */
export function BreakAtUnderscores({ text }: { text: string }): VNode {
  const pieces = text.split('_').flatMap((part, i, parts) => {
    const words = wordsOf(part);
    if (i < parts.length - 1) words[words.length - 1] += '_';
    return words;
  });
  return (
    <>
      {pieces.map((piece, i) =>
        i < pieces.length - 1 ? (
          <>
            {piece}
            <wbr />
          </>
        ) : (
          piece
        ),
      )}
    </>
  );
}
