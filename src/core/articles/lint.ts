import { toIssuePath } from '../issues.js';
import { findProduct, type ProductRegistry } from '../products/registry.js';
import { lintFix } from './lint-fix.js';
import { checkProse } from './lint-prose.js';
import { checkSupportStated } from './lint-support.js';
import { LINT_RULES, type LintProblem, type LintRuleId, type Report } from './lint-rules.js';
import { resolveFix } from './resolve-fixes.js';
import { type Article, isProcedureFix, type Procedure, sourceParts } from './schema.js';

export { LINT_RULES, type LintLevel, type LintProblem, type LintRuleId } from './lint-rules.js';

/**
 * Lint: the parts of the article standard (shared CONTENT.md, DESIGN.md "Article model") that
 * the schema does not require. The schema accepts a bare imported page; lint says what keeps
 * it from shipping. Pure: the caller hands in the registry, the catalog's names and the
 * procedures.
 */

export interface LintContext {
  registry: ProductRegistry;
  /** The catalog's symbolic names for a canonical code; empty when the tables do not know it. */
  namesOf: (code: string) => readonly string[];
  procedures: ReadonlyMap<string, Procedure>;
  /** The day the lint runs (YYYY-MM-DD, from the caller's clock): which platforms are out of support. */
  today: string;
}

/**
 * A symbolic name as the tables write them: upper case, at least one `_`. A name followed by
 * `_` or `*` (`WU_E_PT_*`) names a family, not a code, and is not checked.
 */
const SYMBOLIC_NAME = /(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![A-Za-z0-9_*])/g;

export function lintArticle(article: Article, context: LintContext): LintProblem[] {
  const problems: LintProblem[] = [];
  const report = (rule: LintRuleId, path: string, message: string): void => {
    problems.push({ code: rule, level: LINT_RULES[rule], path: toIssuePath(path), message });
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
  article.sources.forEach((source, index) => {
    if (typeof source === 'string' || source.url === undefined) {
      report(
        'source-url-missing',
        `sources.${index}`,
        `give the address of "${sourceParts(source).title}" so a reader can check it: { title: "…", url: "https://…" }`,
      );
    }
  });
  const firstFix = article.retry?.firstFix;
  if (firstFix !== undefined) {
    const fix = article.fixes.find((f) => f.id === firstFix);
    const risk =
      fix?.risk ?? (fix && isProcedureFix(fix) ? context.procedures.get(fix.use)?.risk : undefined);
    if (fix && risk !== 'safe') {
      report(
        'retry-fix-not-safe',
        'retry.firstFix',
        `retry points scripts at fix "${firstFix}", whose risk is ${risk ?? 'not given'}; name the first fix whose risk is safe`,
      );
    }
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
    checkProse(cause.text, `causes.${index}.text`, report);
  });

  const scope = { article, platforms, platformList, procedures: context.procedures };
  article.fixes.forEach((fix, index) => {
    lintFix(fix, `fixes.${index}`, scope, report);
  });

  checkDestructiveOrder(article, context.procedures, report);
  checkSupportStated(article, context.registry, context.today, report);

  checkProse(article.meaning.summary, 'meaning.summary', report);
  if (article.meaning.official !== undefined)
    checkProse(article.meaning.official, 'meaning.official', report);
  if (article.meaning.detail !== undefined)
    checkProse(article.meaning.detail, 'meaning.detail', report);
  if (article.escalation !== undefined) checkProse(article.escalation, 'escalation', report);
  article.faq.forEach((entry, index) => {
    checkProse(entry.answer, `faq.${index}.answer`, report);
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
}

/** A destructive fix never comes before a reversible alternative (CONTENT.md, Safety). */
function checkDestructiveOrder(
  article: Article,
  procedures: ReadonlyMap<string, Procedure>,
  report: Report,
): void {
  const fixes = article.fixes.map((fix) => {
    const resolved = resolveFix(fix, procedures);
    return resolved.ok ? resolved.value : undefined;
  });
  fixes.forEach((fix, index) => {
    if (fix?.risk !== 'destructive') return;
    const later = fixes
      .slice(index + 1)
      .find((other) => other && other.risk !== 'destructive' && other.reversible === true);
    if (later) {
      report(
        'destructive-before-reversible',
        `fixes.${index}`,
        `fix "${fix.id}" is destructive but comes before "${later.id}", a reversible alternative; move it after`,
      );
    }
  });
}
