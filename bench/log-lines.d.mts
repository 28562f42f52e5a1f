/** Line `i` of the bench's generated CBS.log (CRLF is the caller's). */
export function cbsLine(i: number): string;
/** Line `i` of the bench's generated WindowsUpdate.log. */
export function wuLine(i: number): string;
