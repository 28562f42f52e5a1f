import { formatHex } from '../../core/codes/code-value.js';
import type { VNode } from 'preact';
import type { ReadingView } from '../../app/responses.js';
import { describeWrapped } from '../../app/describe-wrapped.js';

const SCHEME_LABEL = { hresult: 'HRESULT', win32: 'Win32 error', ntstatus: 'NTSTATUS' } as const;

/** What the number itself says: scheme, facility, names and every decimal form. */
export function DecodePanel({
  reading,
  headingId,
}: {
  reading: ReadingView;
  headingId: string;
}): VNode {
  const { decode } = reading;
  const schemes = [...new Set(reading.names.map((n) => SCHEME_LABEL[n.scheme]))];
  const wrapped = describeWrapped(reading);
  const flags = (['S', 'R', 'C', 'N', 'X'] as const)
    .map((flag) => `${flag}=${decode.flags[flag] ? 1 : 0}`)
    .join(' ');
  return (
    <aside class="decode" aria-labelledby={headingId}>
      <h2 id={headingId}>About the code {reading.code}</h2>
      <dl class="fields">
        <dt>Names</dt>
        <dd>
          {reading.names.length > 0 ? (
            <ul class="names">
              {reading.names.map((n) => (
                <li>
                  <code>{n.name}</code>
                  {n.aliasOf ? ` (another name for ${n.aliasOf})` : ''}
                </li>
              ))}
            </ul>
          ) : (
            'No name in the bundled tables'
          )}
        </dd>
        <dt>Scheme</dt>
        <dd>{schemes.length > 0 ? schemes.join(', ') : 'HRESULT (read as one)'}</dd>
        <dt>Severity</dt>
        <dd>{decode.severity === 'failure' ? 'Failure (S bit set)' : 'Success (S bit clear)'}</dd>
        <dt>Facility</dt>
        <dd>
          {decode.facility.number}
          {decode.facility.name ? ` (${decode.facility.name})` : ' (no name)'}
        </dd>
        <dt>Code</dt>
        <dd>
          {decode.code} ({formatHex(decode.code, 4)})
        </dd>
        {wrapped ? (
          <>
            <dt>Inside</dt>
            <dd>{wrapped}</dd>
          </>
        ) : null}
        <dt>Flag bits</dt>
        <dd>
          <code>{flags}</code>
        </dd>
        <dt>Decimal</dt>
        <dd>
          {decode.unsigned} (unsigned), {decode.signed} (signed)
        </dd>
      </dl>
    </aside>
  );
}
