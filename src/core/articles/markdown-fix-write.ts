import { indentItem, writeFence } from './markdown-blocks.js';
import { escapeLines, ITEM_TEXT, PARAGRAPH_TEXT } from './markdown-escape.js';
import { VERIFY, WHY } from './markdown-fix.js';
import { quoteYaml, writeFlowList, writeSlug } from './markdown-yaml.js';
import { type Action, type Fix, isCommandAction, isProcedureFix } from './schema.js';

/** Writes the body of one fix in the format `markdown-fix.ts` reads. */

/** The canonical lines of a fix's body (its id and title are the caller's). */
export function writeFixBody(fix: Fix): string[] {
  const attributes: string[] = [];
  if (isProcedureFix(fix)) attributes.push(`use: ${writeSlug(fix.use)}`);
  if (fix.admin !== undefined) attributes.push(`admin: ${fix.admin}`);
  if (fix.restart !== undefined) attributes.push(`restart: ${fix.restart}`);
  if (fix.risk !== undefined) attributes.push(`risk: ${fix.risk}`);
  if (fix.reversible !== undefined) attributes.push(`reversible: ${fix.reversible}`);
  if (fix.undo !== undefined) attributes.push(`undo: ${quoteYaml(fix.undo)}`);
  if (fix.platforms !== undefined) {
    attributes.push(`platforms: ${writeFlowList(fix.platforms, writeSlug)}`);
  }
  if (fix.minutes !== undefined) attributes.push(`minutes: ${fix.minutes}`);
  const head = attributes.length > 0 ? writeFence('yaml', attributes.join('\n')) : [];
  if (!isProcedureFix(fix)) head.push(...fix.actions.flatMap(writeAction));
  const blocks = [head];
  if (fix.why !== undefined) blocks.push(writeParagraph(WHY, fix.why));
  if (fix.verify !== undefined) {
    const { text, command } = fix.verify;
    const fence = command ? writeFence(command.shell, command.command) : [];
    blocks.push([...writeParagraph(VERIFY, text), ...fence]);
  }
  return blocks.flatMap((block, index) => (index === 0 ? block : ['', ...block]));
}

function writeParagraph(label: string, text: string): string[] {
  const [first = '', ...rest] = escapeLines(text, PARAGRAPH_TEXT);
  return [`${label} ${first}`, ...rest];
}

function writeAction(action: Action, index: number): string[] {
  const marker = `${index + 1}. `;
  if (!isCommandAction(action)) return indentItem(marker, escapeLines(action.step, ITEM_TEXT));
  const condition =
    action.condition === undefined ? [] : escapeLines(`${action.condition}:`, ITEM_TEXT);
  return indentItem(marker, [...condition, ...writeFence(action.shell, action.command)]);
}
