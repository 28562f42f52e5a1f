import type { VNode } from 'preact';

/**
 * Text with a line-break opportunity (`<wbr>`) after every `_`, so a long symbolic name such as
 * WU_E_PT_SOAPCLIENT_INITIALIZE wraps at its parts on a narrow screen instead of mid-word.
 */
export function BreakAtUnderscores({ text }: { text: string }): VNode {
  const parts = text.split('_');
  return (
    <>
      {parts.map((part, i) =>
        i < parts.length - 1 ? (
          <>
            {part}_<wbr />
          </>
        ) : (
          part
        ),
      )}
    </>
  );
}
