import { DomainError } from '../core/errors.js';
import { findingsOf, reportedCodes, type Finding } from '../core/diagnose/findings.js';
import { readReport, readReportBytes, type ReportRefusal } from '../core/diagnose/read-report.js';
import type { Result } from '../core/result.js';
import type { DiagnosticReport } from '../core/diagnose/report-schema.js';
import type { InlineFix } from '../core/articles/schema.js';
import type { AppDeps } from './deps.js';
import { getArticleForReading } from './get-article.js';
import { articlePath, codePath, troubleshootFromFixPath, troubleshootPath } from './urls.js';

/** The fix a finding calls for, where to read it and where its walk-through starts at it. */
export interface FindingFix {
  product: string;
  code: string;
  fixId: string | null;
  fixTitle: string | null;
  /** The article (at the fix), or the code page when the code has no article. */
  readUrl: string;
  /** The walk-through, starting at the fix. */
  walkUrl: string;
}

export interface DiagnosedFinding {
  kind: Finding['kind'];
  severity: Finding['severity'];
  title: string;
  detail: string;
  fix: FindingFix | null;
}

/** What `erratlas diagnose report.json --json` prints and the diagnosis page shows. */
export interface Diagnosis {
  windows: { name: string | null; build: string | null };
  findings: DiagnosedFinding[];
  /** Sections the script could not read on that PC (it says why). */
  problems: string[];
}

const PRODUCT = 'windows-update';

/**
 * Reads an uploaded or named report and says what it shows. Nothing is stored: the report is
 * parsed, judged and forgotten. Bad files are `invalid_report` (400) or `report_too_large` (413).
 */
export function diagnoseReport(
  deps: Pick<AppDeps, 'store'>,
  text: string,
  byteLength: number,
): Promise<Diagnosis> {
  return judge(deps, readReport(text, byteLength));
}

/** The same for a file's bytes (an upload, a file the CLI read): UTF-8, or UTF-16 with its mark. */
export function diagnoseReportFile(
  deps: Pick<AppDeps, 'store'>,
  bytes: Uint8Array,
): Promise<Diagnosis> {
  return judge(deps, readReportBytes(bytes));
}

async function judge(
  deps: Pick<AppDeps, 'store'>,
  read: Result<DiagnosticReport, ReportRefusal>,
): Promise<Diagnosis> {
  if (!read.ok)
    throw new DomainError(
      read.reason.kind === 'too_large' ? 'report_too_large' : 'invalid_report',
      read.reason.message,
      read.reason.issues.length > 0 ? { issues: read.reason.issues } : {},
    );
  const report = read.value;
  const fixesByCode = new Map<string, InlineFix[] | null>();
  const fixesOf = async (code: string): Promise<InlineFix[] | null> => {
    if (!fixesByCode.has(code)) {
      const stored = await deps.store.getArticle(PRODUCT, code);
      fixesByCode.set(
        code,
        stored ? (await getArticleForReading(deps, PRODUCT, code)).fixes : null,
      );
    }
    return fixesByCode.get(code) ?? null;
  };
  const preferred = reportedCodes(report);
  const findings: DiagnosedFinding[] = [];
  for (const finding of findingsOf(report)) {
    findings.push({
      kind: finding.kind,
      severity: finding.severity,
      title: finding.title,
      detail: finding.detail,
      fix: await linkFix(finding, preferred, fixesOf),
    });
  }
  return { windows: windowsOf(report), findings, problems: report.problems };
}

async function linkFix(
  finding: Finding,
  preferred: readonly string[],
  fixesOf: (code: string) => Promise<InlineFix[] | null>,
): Promise<FindingFix | null> {
  if (finding.kind === 'update-error') {
    const code = finding.calls.code;
    const fixes = await fixesOf(code);
    const first = fixes?.[0];
    return {
      product: PRODUCT,
      code,
      fixId: first?.id ?? null,
      fixTitle: first?.title ?? null,
      readUrl: fixes ? articlePath(PRODUCT, code) : codePath(code),
      walkUrl: troubleshootPath(PRODUCT, code),
    };
  }
  // The report's own codes first: their article is the one the person is reading about.
  for (const code of [...preferred, finding.calls.code]) {
    const fixes = await fixesOf(code);
    if (!fixes) continue;
    for (const id of finding.calls.fixIds) {
      const fix = fixes.find((f) => f.id === id);
      if (fix)
        return {
          product: PRODUCT,
          code,
          fixId: fix.id,
          fixTitle: fix.title,
          readUrl: `${articlePath(PRODUCT, code)}#${encodeURIComponent(fix.id)}`,
          walkUrl: troubleshootFromFixPath(PRODUCT, code, fix.id),
        };
    }
  }
  return null;
}

function windowsOf(report: DiagnosticReport): Diagnosis['windows'] {
  const w = report.windows;
  const name = [w.caption, w.displayVersion].filter((p): p is string => !!p).join(' ') || null;
  const build = w.build ? (w.ubr !== null ? `${w.build}.${w.ubr}` : w.build) : null;
  return { name, build };
}
