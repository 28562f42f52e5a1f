import type { VNode } from 'preact';
import { diagnosePath, diagnoseScriptPath, fixScriptPath } from '../../app/urls.js';

/** "Download as script" for some fixes of an article (all of them when `fixes` is absent). */
export function ScriptLinks({
  product,
  code,
  fixes,
  platform,
  label,
}: {
  product: string;
  code: string;
  fixes?: readonly string[];
  platform?: string | undefined;
  label: string;
}): VNode {
  const options = { ...(fixes ? { fixes } : {}), ...(platform ? { platform } : {}) };
  return (
    <p class="script-links">
      {label}{' '}
      <a href={fixScriptPath(product, code, 'cmd', options)} download>
        Command Prompt (.cmd)
      </a>{' '}
      ·{' '}
      <a href={fixScriptPath(product, code, 'ps1', options)} download>
        PowerShell (.ps1)
      </a>
      . Each asks before a risky step, has a dry run (<code>/dry-run</code>, <code>-DryRun</code>)
      and logs every command to a file in %TEMP%. Read it before you run it.
    </p>
  );
}

/** The read-only diagnostic script and where its report is read. */
export function DiagnoseLinks(): VNode {
  return (
    <p class="diagnose-links">
      Not sure which fix applies?{' '}
      <a href={diagnoseScriptPath} download>
        Download the read-only check (PowerShell)
      </a>
      : it changes nothing and writes a report, which <a href={diagnosePath}>the diagnosis page</a>{' '}
      reads and turns into the fix to start with.
    </p>
  );
}
