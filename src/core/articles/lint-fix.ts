import { checkCommandText, checkProse } from './lint-prose.js';
import type { Report } from './lint-rules.js';
import { resolveFix } from './resolve-fixes.js';
import {
  isCommandAction,
  isProcedureFix,
  type Action,
  type Article,
  type Fix,
  type Procedure,
  type Shell,
} from './schema.js';
import { readCommand } from './read-command.js';

/** The rules on one fix, checked on the fix as a reader sees it (a procedure use resolved). */

/** Attributes every fix must state (CONTENT.md, Safety). */
const REQUIRED_ATTRIBUTES = ['admin', 'restart', 'risk', 'reversible'] as const;

export interface FixScope {
  article: Article;
  /** The product's platform ids. */
  platforms: ReadonlySet<string>;
  platformList: string;
  procedures: ReadonlyMap<string, Procedure>;
}

export function lintFix(fix: Fix, path: string, scope: FixScope, report: Report): void {
  const { article, platforms, platformList, procedures } = scope;
  const appliesTo = new Set(article.appliesTo);
  const result = resolveFix(fix, procedures);
  if (!result.ok) {
    report('procedure-unknown', `${path}.use`, result.reason);
    return;
  }
  const resolved = result.value;
  const from = isProcedureFix(fix) ? ` (from procedure ${fix.use})` : '';

  if (resolved.why === undefined) {
    report('fix-why-missing', `${path}.why`, `fix "${resolved.id}" does not say why it helps`);
  }
  if (resolved.verify === undefined) {
    report(
      'fix-verify-missing',
      `${path}.verify`,
      `fix "${resolved.id}" does not say how to tell that it worked`,
    );
  }
  for (const attribute of REQUIRED_ATTRIBUTES) {
    if (resolved[attribute] === undefined) {
      report(
        'fix-attribute-missing',
        `${path}.${attribute}`,
        `fix "${resolved.id}" does not state ${attribute}`,
      );
    }
  }
  if (resolved.reversible === true && resolved.undo === undefined) {
    report(
      'fix-undo-missing',
      `${path}.undo`,
      `fix "${resolved.id}" is reversible: say how to undo it`,
    );
  }

  if (resolved.platforms === undefined || resolved.platforms.length === 0) {
    report(
      'fix-platforms-missing',
      `${path}.platforms`,
      `fix "${resolved.id}" does not say which platforms it works on`,
    );
  }
  const fixPlatforms = resolved.platforms ?? article.appliesTo;
  (resolved.platforms ?? []).forEach((id, index) => {
    if (!platforms.has(id)) {
      report(
        'platform-unknown',
        `${path}.platforms.${index}`,
        `platform "${id}" is not a platform of ${article.product} (known: ${platformList})`,
      );
    } else if (!appliesTo.has(id)) {
      report(
        'fix-platform-outside-applies-to',
        `${path}.platforms.${index}`,
        `fix "${resolved.id}" names platform "${id}", which the article's appliesTo does not`,
      );
    }
  });

  const commands: { text: string; shell: Shell; path: string }[] = [];
  resolved.actions.forEach((action: Action, index) => {
    if (isCommandAction(action)) {
      commands.push({
        text: action.command,
        shell: action.shell,
        path: `${path}.actions.${index}.command`,
      });
    } else {
      checkProse(action.step, `${path}.actions.${index}.step`, report);
    }
  });
  if (resolved.verify) {
    checkProse(resolved.verify.text, `${path}.verify.text`, report);
    if (resolved.verify.command) {
      const { command, shell } = resolved.verify.command;
      commands.push({ text: command, shell, path: `${path}.verify.command` });
    }
  }
  if (resolved.why !== undefined) checkProse(resolved.why, `${path}.why`, report);
  if (resolved.undo !== undefined) checkProse(resolved.undo, `${path}.undo`, report);

  for (const command of commands) {
    checkCommandText(command.text, command.path, report);
    const read = readCommand(command.text, command.shell);
    if (!read.ok) {
      report('command-unknown', command.path, `${quoteCommand(command.text)} ${read.reason}`);
      continue;
    }
    for (const use of read.value) {
      // Ids the product does not know are reported once, as platform-unknown.
      const missing = fixPlatforms.filter((id) => platforms.has(id) && !use.platforms.includes(id));
      if (missing.length > 0) {
        report(
          'command-platform',
          command.path,
          `fix "${resolved.id}"${from} runs ${quoteCommand(command.text)}, which ${missing.join(', ')} ` +
            `${missing.length === 1 ? 'does' : 'do'} not have in this form; narrow the fix's platforms or give those platforms their own fix`,
        );
      }
      if (use.destructive !== undefined && resolved.risk !== 'destructive') {
        report(
          'destructive-command',
          command.path,
          `${use.destructive}: mark fix "${resolved.id}" risk: destructive, or use a reversible command (rename instead of delete)`,
        );
      }
    }
  }
}

const quoteCommand = (text: string): string =>
  `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
