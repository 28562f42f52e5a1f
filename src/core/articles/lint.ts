import { findProduct, type ProductRegistry } from '../products/registry.js';
import {
  isCommandAction,
  isProcedureFix,
  type Action,
  type Article,
  type Fix,
  type Procedure,
} from './schema.js';
import { resolveFix } from './resolve-fixes.js';

/**
 * Lint: the parts of the article standard (shared CONTENT.md, DESIGN.md "Article model") that
 * the schema does not require. The schema accepts a bare imported page; lint says what keeps
 * it from shipping. Pure: the caller hands in the registry, the catalog's names and the
 * procedures.
 */

export type LintLevel = 'error' | 'warning';

export interface LintProblem {
  /** Stable id of the rule, e.g. `sources-missing`; clients and tests switch on it. */
  rule: LintRuleId;
  level: LintLevel;
  /** Where in the article, dotted: `fixes.2.verify`, `faq.0.answer`, `appliesTo.1`. */
  path: string;
  message: string;
}

export interface LintContext {
  registry: ProductRegistry;
  /** The catalog's symbolic names for a canonical code; empty when the tables do not know it. */
  namesOf: (code: string) => readonly string[];
  procedures: ReadonlyMap<string, Procedure>;
}

export const LINT_RULES = {
  'product-unknown': 'error',
  'applies-to-missing': 'error',
  'platform-unknown': 'error',
  'code-unknown': 'error',
  'name-mismatch': 'error',
  'official-missing': 'error',
  'sources-missing': 'error',
  'review-missing': 'error',
  'escalation-missing': 'error',
  'related-unknown': 'warning',
  'cause-without-fix': 'warning',
  'procedure-unknown': 'error',
  'fix-why-missing': 'error',
  'fix-verify-missing': 'error',
  'fix-platforms-missing': 'error',
  'fix-attribute-missing': 'error',
  'fix-undo-missing': 'error',
  'fix-platform-outside-applies-to': 'error',
  'windows-path': 'error',
  'bare-command': 'error',
  'dism-on-windows-7': 'error',
} as const satisfies Record<string, LintLevel>;

export type LintRuleId = keyof typeof LINT_RULES;

/** Attributes every fix must state (CONTENT.md, Safety). */
const REQUIRED_ATTRIBUTES = ['admin', 'restart', 'risk', 'reversible'] as const;

/**
 * A symbolic name as the tables write them: upper case, at least one `_`. A name followed by
 * `_` or `*` (`WU_E_PT_*`) names a family, not a code, and is not checked.
 */
const SYMBOLIC_NAME = /(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![A-Za-z0-9_*])/g;

/** `C:\Windows` (any drive letter case) where `%SystemRoot%` belongs; `C:\Windows.old` is another folder. */
const WINDOWS_PATH = /\bC:\\Windows(?![\w.])/i;

/** `/RestoreHealth` of `DISM /Online /Cleanup-Image`: Windows 8 and later only. */
const RESTORE_HEALTH = /\/RestoreHealth\b/i;

/**
 * Programs that, followed by what looks like their arguments, are a command written into a
 * sentence. Each program has its own argument shape so that prose ("DISM repairs the store",
 * "the net effect") is not taken for a command.
 */
const BARE_COMMANDS: readonly RegExp[] = [
  /\bnetsh(?:\.exe)?\s+(?:winhttp|winsock|int|interface|advfirewall|firewall|http|wlan|lan)\b/i,
  /\bdism(?:\.exe)?\s+\/\w/i,
  /\bsfc(?:\.exe)?\s+\/\w/i,
  /\bnet(?:\.exe)?\s+(?:start|stop|user|use|localgroup|share|session|view)\b/i,
  /\bsc(?:\.exe)?\s+(?:query|queryex|qc|config|start|stop|sdshow|sdset|failure)\b/i,
  /\bregsvr32(?:\.exe)?\s+(?:\/\w|[\w%\\.:-]+\.(?:dll|ocx))/i,
  /\b(?:ren|rename|rd|rmdir|del)\s+(?:\/\w+\s+)*%\w+%/i,
  /\bchkdsk(?:\.exe)?\s+(?:[a-z]:|\/\w)/i,
  /\bipconfig(?:\.exe)?\s+\/\w/i,
  /\bw32tm(?:\.exe)?\s+\/\w/i,
  /\bbitsadmin(?:\.exe)?\s+\/\w/i,
  /\breg(?:\.exe)?\s+(?:add|delete|query|export|import)\s+HK/i,
  /\b(?:Get|Set|Start|Stop|Restart|Remove|Rename|Repair|Reset|Invoke|New|Clear)-[A-Z][A-Za-z]+\b/,
];

export function lintArticle(article: Article, context: LintContext): LintProblem[] {
  const problems: LintProblem[] = [];
  const report = (rule: LintRuleId, path: string, message: string): void => {
    problems.push({ rule, level: LINT_RULES[rule], path, message });
  };

  const product = findProduct(context.registry, article.product);
  const platforms = new Set(
    product ? product.platforms : context.registry.platforms.map((platform) => platform.id),
  );
  const platformList = [...platforms].join(', ');
  if (!product) {
    report(
      'product-unknown',
      'product',
      `product "${article.product}" is not in the products registry (known: ${context.registry.products.map((p) => p.slug).join(', ')})`,
    );
  }

  if (article.appliesTo.length === 0) {
    report('applies-to-missing', 'appliesTo', 'say which platforms the article applies to');
  }
  article.appliesTo.forEach((id, index) => {
    if (!platforms.has(id)) {
      report(
        'platform-unknown',
        `appliesTo.${index}`,
        `platform "${id}" is not a platform of ${article.product} (known: ${platformList})`,
      );
    }
  });

  const names = context.namesOf(article.code);
  if (names.length === 0) {
    report(
      'code-unknown',
      'code',
      `code ${article.code} is in none of the bundled code tables; check the value`,
    );
  } else {
    checkNames(article.title, 'title');
    if (article.meaning.official !== undefined)
      checkNames(article.meaning.official, 'meaning.official');
  }

  if (article.meaning.official === undefined) {
    report(
      'official-missing',
      'meaning.official',
      "give the code's official definition, apart from the causes seen in practice",
    );
  }
  if (article.sources.length === 0) {
    report('sources-missing', 'sources', 'name the public documents the article relies on');
  }
  if (article.reviewedAt === undefined) {
    report(
      'review-missing',
      'reviewedAt',
      'the article awaits review: set reviewedAt once reviewed',
    );
  }
  if (article.escalation === undefined) {
    report(
      'escalation-missing',
      'escalation',
      'say when to stop, what to try last and what to hand to a professional',
    );
  }

  article.related.forEach((code, index) => {
    if (code === article.code) {
      report('related-unknown', `related.${index}`, `related names the article's own code ${code}`);
    } else if (context.namesOf(code).length === 0) {
      report(
        'related-unknown',
        `related.${index}`,
        `related code ${code} is in none of the code tables`,
      );
    }
  });

  article.causes.forEach((cause, index) => {
    if (cause.fixes.length === 0) {
      report('cause-without-fix', `causes.${index}`, 'link the cause to the fixes that address it');
    }
    checkProse(cause.text, `causes.${index}.text`);
  });

  const appliesTo = new Set(article.appliesTo);
  article.fixes.forEach((fix, index) => {
    lintFix(fix, `fixes.${index}`);
  });

  checkProse(article.meaning.summary, 'meaning.summary');
  if (article.meaning.official !== undefined)
    checkProse(article.meaning.official, 'meaning.official');
  if (article.meaning.detail !== undefined) checkProse(article.meaning.detail, 'meaning.detail');
  if (article.escalation !== undefined) checkProse(article.escalation, 'escalation');
  article.faq.forEach((entry, index) => {
    checkProse(entry.answer, `faq.${index}.answer`);
  });

  return problems;

  function checkNames(text: string, path: string): void {
    for (const match of text.matchAll(SYMBOLIC_NAME)) {
      const name = match[0];
      if (!names.includes(name)) {
        report(
          'name-mismatch',
          path,
          `${name} is not a name of ${article.code} (its names: ${names.join(', ')})`,
        );
      }
    }
  }

  /** Markdown prose: commands belong in fenced blocks, and their paths use %SystemRoot%. */
  function checkProse(markdown: string, path: string): void {
    for (const block of fencedBlocks(markdown)) checkCommandText(block, path);
    const sentence = findBareCommand(markdown);
    if (sentence !== undefined) {
      report(
        'bare-command',
        path,
        `"${sentence}" is a command inside a sentence; put it in its own fenced block`,
      );
    }
  }

  function checkCommandText(command: string, path: string): void {
    if (WINDOWS_PATH.test(command)) {
      report('windows-path', path, 'write %SystemRoot% instead of C:\\Windows in commands');
    }
  }

  function lintFix(fix: Fix, path: string): void {
    const result = resolveFix(fix, context.procedures);
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
        checkProse(action.step, `${path}.actions.${index}.step`);
      }
    });
    if (resolved.verify) {
      checkProse(resolved.verify.text, `${path}.verify.text`);
      if (resolved.verify.command) {
        commands.push({ text: resolved.verify.command.command, path: `${path}.verify.command` });
      }
    }
    if (resolved.why !== undefined) checkProse(resolved.why, `${path}.why`);

    for (const command of commands) checkCommandText(command.text, command.path);
    const restoreHealth = commands.find((command) => RESTORE_HEALTH.test(command.text));
    if (restoreHealth && fixPlatforms.includes('windows-7')) {
      report(
        'dism-on-windows-7',
        restoreHealth.path,
        `fix "${resolved.id}"${from} runs DISM /RestoreHealth, which Windows 7 does not have; narrow its platforms`,
      );
    }
  }
}

const FENCE = /^[ \t]*(`{3,}|~{3,})[^\n]*\n([\s\S]*?)^[ \t]*\1[ \t]*$/gm;
const INLINE_CODE = /(`+)[\s\S]*?\1/g;

function fencedBlocks(markdown: string): string[] {
  return [...markdown.matchAll(FENCE)].map((match) => match[2] ?? '');
}

/** The first command written into running text (outside fenced blocks and inline code), if any. */
function findBareCommand(markdown: string): string | undefined {
  const prose = markdown.replace(FENCE, '\n').replace(INLINE_CODE, ' ');
  for (const pattern of BARE_COMMANDS) {
    const match = pattern.exec(prose);
    if (match) {
      // Show the command up to the end of its clause, not just the part the pattern needed.
      const rest = prose.slice(match.index).split(/[,;!?\n]|\.(?:\s|$)/)[0] ?? match[0];
      return rest.trim().slice(0, 80);
    }
  }
  return undefined;
}
