import type { Catalog } from '../codes/catalog.js';
import { formatCode } from '../codes/code-value.js';
import { scanText } from '../codes/scan-text.js';

/** The most likely code in what a failed command printed ("Error: 0x80070005"), if any. */
export function codeInMessage(message: string, catalog: Catalog): string | undefined {
  const [first] = scanText(message, catalog);
  return first === undefined ? undefined : formatCode(first.value);
}
