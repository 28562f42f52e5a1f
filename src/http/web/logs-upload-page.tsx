import type { VNode } from 'preact';
import { logsPath } from '../../app/urls.js';
import { LOGS_UPLOAD_SCRIPT } from './assets.js';
import { Layout } from './layout.js';

/**
 * `/logs`: upload one or several logs (or a .zip of a logs folder), or paste one. A plain
 * multipart form, so it works without JavaScript; the script only adds a progress bar.
 */
export function LogsUploadPage({ maxUploadBytes }: { maxUploadBytes: number }): VNode {
  const limit =
    maxUploadBytes >= 1024 ** 3
      ? `${(maxUploadBytes / 1024 ** 3).toFixed(maxUploadBytes % 1024 ** 3 === 0 ? 0 : 1)} GiB`
      : `${Math.round(maxUploadBytes / 1024 ** 2)} MiB`;
  return (
    <Layout
      title="Analyse Windows Update, CBS, DISM and setup logs"
      description="Upload WindowsUpdate.log, CBS.log, DISM.log, setupact.log or ReportingEvents.log and get what failed first, why, and which fix step to take."
      canonicalPath={logsPath}
      scripts={[LOGS_UPLOAD_SCRIPT.path]}
    >
      <h1>Analyse your logs</h1>
      <p>
        Error Atlas reads the log, finds the codes in their context, tells runs apart and says what
        failed first, why, and which fix step to take. It reads WindowsUpdate.log (from{' '}
        <code>Get-WindowsUpdateLog</code>, and the older text log), CBS.log, DISM.log, setupact.log
        and setuperr.log, ReportingEvents.log, exported Windows Update events (XML), and any other
        text by context.
      </p>
      <form class="log-upload" action={logsPath} method="post" enctype="multipart/form-data">
        <fieldset>
          <legend>Log files</legend>
          <label for="log-files">
            One or several logs, or a .zip of a logs folder (up to {limit} in all)
          </label>
          <br />
          <input
            id="log-files"
            name="file"
            type="file"
            multiple
            accept=".log,.txt,.xml,.csv,.bak,.zip"
          />
        </fieldset>
        <fieldset>
          <legend>Or paste a log</legend>
          <label for="log-text">The lines of a log (up to 8 MiB)</label>
          <textarea id="log-text" name="text" spellcheck={false} />
        </fieldset>
        <p>
          <input id="log-share" name="share" type="checkbox" value="on" />{' '}
          <label for="log-share">
            Make a shareable link: keeps the redacted diagnosis (never the log) for 30 days at an
            address only you get
          </label>
        </p>
        <p>
          <button type="submit">Analyse</button>
        </p>
        <div class="upload-progress" role="status" aria-live="polite" hidden>
          <progress max="1" value="0" />
          <span class="upload-progress-text">Sending…</span>
        </div>
      </form>
      <h2>Privacy</h2>
      <p>
        Nothing you upload is stored: the logs are read as they arrive and dropped. What is shown is
        redacted: user names in paths, machine and domain names, SIDs, IP and MAC addresses, e-mail
        addresses and WSUS server names are replaced by placeholders. Only if you ask for a
        shareable link is the redacted diagnosis kept, for 30 days.
      </p>
      <h2>Where the logs are</h2>
      <ul>
        <li>
          WindowsUpdate.log: run <code>Get-WindowsUpdateLog</code> in PowerShell; it writes the log
          to your desktop.
        </li>
        <li>
          CBS.log: <code>C:\Windows\Logs\CBS\CBS.log</code>; DISM.log:{' '}
          <code>C:\Windows\Logs\DISM\dism.log</code>.
        </li>
        <li>
          setupact.log and setuperr.log: <code>C:\$Windows.~BT\Sources\Panther</code> during an
          upgrade, <code>C:\Windows\Panther</code> after it.
        </li>
        <li>
          ReportingEvents.log: <code>C:\Windows\SoftwareDistribution\ReportingEvents.log</code>.
        </li>
      </ul>
    </Layout>
  );
}
