import { formatCode } from '../core/codes/code-value.js';
import type { ReadingView } from './responses.js';

/** What the code carries inside, with the inner code's names. */
export function describeWrapped(reading: Pick<ReadingView, 'decode'>): string | undefined {
  const wrapped = reading.decode.wrapped;
  if (!wrapped) return undefined;
  if (wrapped.scheme === 'win32') {
    const names = wrapped.names.length > 0 ? ` (${wrapped.names.join(', ')})` : '';
    const carrier = wrapped.via === 'hresult' ? 'HRESULT_FROM_WIN32' : 'an NTSTATUS';
    return `Win32 error ${wrapped.code}${names}, carried by ${carrier}`;
  }
  if (wrapped.scheme === 'ntstatus') {
    const hex = formatCode(wrapped.value);
    const names = wrapped.names.length > 0 ? ` (${wrapped.names.join(', ')})` : '';
    return `NTSTATUS ${hex}${names}, carried by HRESULT_FROM_NT (the N bit is set)`;
  }
  return `HTTP status ${wrapped.status}${wrapped.reasonPhrase ? ` (${wrapped.reasonPhrase})` : ''}`;
}
