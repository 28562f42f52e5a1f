import type { VNode } from 'preact';
import type { Diagnosis } from '../../app/diagnose-report.js';
import { diagnosePath, diagnoseScriptPath } from '../../app/urls.js';
import { Layout } from './layout.js';

export interface ReportError {
  code: string;
  message: string;
  issues: readonly string[];
}

/** How to make a report, and the form that reads one (with what was wrong with the last file). */
export function DiagnosePage({ error }: { error?: ReportError | undefined }): VNode {
  return (
    <Layout
      title="Check this PC for the usual causes"
      description="A read-only check of the proxy, the connection to Windows Update, the update services, a pending restart, free space and the update policy, read into plain words and the fix to start with."
    >
      <h1>Check this PC for the usual causes</h1>
      <p>
        A broken proxy setting, a blocked connection or a disabled service can be checked on the PC
        instead of guessed. The check is a PowerShell script that changes nothing: it reads
        settings, tests the connection to each Windows Update address, and writes one file,{' '}
        <code>erratlas-report.json</code>, without your computer or user name in it.
      </p>
      <ol>
        <li>
          <a href={diagnoseScriptPath} download>
            Download the check (erratlas-diagnose.ps1)
          </a>{' '}
          and read it if you like: it is plain text.
        </li>
        <li>
          Open Windows PowerShell (no administrator rights needed) in the folder where you saved it
          and run: <code>powershell -ExecutionPolicy Bypass -File .\erratlas-diagnose.ps1</code>
        </li>
        <li>Upload the report it wrote on your desktop:</li>
      </ol>
      {error ? (
        <div class="error-box" role="alert">
          <p>
            {error.message} <span class="meta">({error.code})</span>
          </p>
          {error.issues.length > 0 ? (
            <ul>
              {error.issues.map((issue) => (
                <li>
                  <code>{issue}</code>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <form method="post" action={diagnosePath} enctype="multipart/form-data">
        <p>
          <label for="report">The report file</label>{' '}
          <input id="report" name="report" type="file" accept=".json,application/json" required />
        </p>
        <button type="submit">Read the report</button>
      </form>
      <p class="meta">The report is read and forgotten: nothing from it is stored.</p>
    </Layout>
  );
}

/** What the report shows, each finding with the fix it calls for and a walk-through starting there. */
export function DiagnosisPage({ diagnosis }: { diagnosis: Diagnosis }): VNode {
  const { name, build } = diagnosis.windows;
  return (
    <Layout title="What the report shows">
      <h1>What the report shows</h1>
      <p>
        Windows: {name ?? 'unknown'}
        {build ? ` (build ${build})` : ''}
      </p>
      {diagnosis.findings.length === 0 ? (
        <p>
          Nothing in the report points at a cause: the services, proxy, connections and settings it
          checked look right. Follow the article of the error code you see.
        </p>
      ) : (
        <ol class="findings">
          {diagnosis.findings.map((finding) => (
            <li class={`finding ${finding.severity}`}>
              <h2>
                {finding.severity === 'problem' ? 'Problem: ' : 'Note: '}
                {finding.title}
              </h2>
              <p>{finding.detail}</p>
              {finding.fix ? (
                <p>
                  {finding.fix.fixTitle ? (
                    <>
                      The fix: <a href={finding.fix.readUrl}>{finding.fix.fixTitle}</a> (
                      <code>{finding.fix.code}</code>).{' '}
                    </>
                  ) : (
                    <>
                      <a href={finding.fix.readUrl}>
                        About <code>{finding.fix.code}</code>
                      </a>
                      .{' '}
                    </>
                  )}
                  <a href={finding.fix.walkUrl}>
                    {finding.kind === 'update-error'
                      ? 'Walk through its fixes'
                      : 'Start the walk-through at this fix'}
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {diagnosis.problems.length > 0 ? (
        <>
          <h2>What the check could not read</h2>
          <ul>
            {diagnosis.problems.map((p) => (
              <li>{p}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={diagnosePath}>Read another report</a>
      </p>
    </Layout>
  );
}
