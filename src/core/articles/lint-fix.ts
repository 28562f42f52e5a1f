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
} from './schema.js';

/** The rules on one fix, checked on the fix as a reader sees it (a procedure use resolved). */

/** Attributes every fix must state (CONTENT.md, Safety). */
const REQUIRED_ATTRIBUTES = ['admin', 'restart', 'risk', 'reversible'] as const;

/** `/RestoreHealth` of `DISM /Online /Cleanup-Image`: Windows 8 and later only. */
const RESTORE_HEALTH = /\/RestoreHealth\b/i;

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

  const commands: { text: string; path: string }[] = [];
  resolved.actions.forEach((action: Action, index) => {
    if (isCommandAction(action)) {
      commands.push({ text: action.command, path: `${path}.actions.${index}.command` });
    } else {
      checkProse(action.step, `${path}.actions.${index}.step`, report);
    }
  });
  if (resolved.verify) {
    checkProse(resolved.verify.text, `${path}.verify.text`, report);
    if (resolved.verify.command) {
      commands.push({ text: resolved.verify.command.command, path: `${path}.verify.command` });
    }
  }
  if (resolved.why !== undefined) checkProse(resolved.why, `${path}.why`, report);

  for (const command of commands) checkCommandText(command.text, command.path, report);
  const restoreHealth = commands.find((command) => RESTORE_HEALTH.test(command.text));
  if (restoreHealth && fixPlatforms.includes('windows-7')) {
    report(
      'dism-on-windows-7',
      restoreHealth.path,
      `fix "${resolved.id}"${from} runs DISM /RestoreHealth, which Windows 7 does not have; narrow its platforms`,
    );
  }
}
