import type { VNode } from 'preact';
import { articlePath, codePath, logsPath } from '../../app/urls.js';
import type { Diagnosis } from '../../core/logs/diagnose.js';
import type { Finding } from '../../core/logs/log-types.js';
import { Layout } from './layout.js';
import { LogTimeline } from './logs-timeline.js';

/** Rules point at Windows Update articles (as the CLI prints them). */
const RULE_PRODUCT = 'windows-update';

export interface LogsResultsProps {
  diagnosis: Diagnosis;
  /** Present on a shared report's page. */
  shared?: { url: string; sharedAt: string; expiresAt: string } | undefined;
}

const day = (iso: string): string => iso.slice(0, 10);

function Where({ f }: { f: Pick<Finding, 'file' | 'line'> }): VNode {
  return <span class="where">{`${f.file}:${f.line}`}</span>;
}

/**
 * A diagnosis as a page: the verdict first, then what to do (the rules that matched, each
 * linked to its article's fix step), the timeline, the findings most telling first (each code
 * linked to its page), the codes grouped, the runs, and what was read or refused.
 */
export function LogsResultsPage({ diagnosis: d, shared }: LogsResultsProps): VNode {
  return (
    <Layout title="Log diagnosis" description={d.verdict}>
      <h1>Log diagnosis</h1>
      {shared ? (
        <p class="shared-note">
          Shared report, made {day(shared.sharedAt)}; it expires on {day(shared.expiresAt)}. Anyone
          with its address (<a href={shared.url}>{shared.url}</a>) can read it. It holds the
          redacted diagnosis only, never the logs.
        </p>
      ) : null}
      <p class={`verdict${d.failureFound ? '' : ' no-failure'}`}>
        <strong>{d.failureFound ? 'Failure found. ' : 'No failure found. '}</strong>
        {d.verdict}
      </p>
      {d.matches.length > 0 ? (
        <section aria-labelledby="what-to-do">
          <h2 id="what-to-do">What to do</h2>
          {d.matches.map((m) => (
            <article class="rule-match">
              <h3>{m.title}</h3>
              <p>{m.cause}</p>
              <p>
                <strong>Fix: </strong>
                {m.fix}
                {m.article ? (
                  <>
                    {' '}
                    <a
                      href={`${articlePath(RULE_PRODUCT, m.article)}${m.step ? `#${m.step}` : ''}`}
                    >
                      {m.step ? 'Open the fix step' : 'Read the article'}
                    </a>
                  </>
                ) : null}
              </p>
              {m.setup ? (
                <p>
                  Setup result <code>{m.setup.result}</code>
                  {m.setup.extend ? (
                    <>
                      {' '}
                      – <code>{m.setup.extend}</code>
                    </>
                  ) : null}
                  {m.setup.phase ? `, phase: ${m.setup.phase}` : ''}
                  {m.setup.operation ? `, operation: ${m.setup.operation}` : ''}
                </p>
              ) : null}
              {m.evidence.length > 0 ? (
                <ul class="evidence">
                  {m.evidence.map((e) => (
                    <li>
                      <Where f={e} /> <code>{e.text}</code>
                    </li>
                  ))}
                </ul>
              ) : null}
              <p class="meta">
                Rule <code>{m.rule}</code>; source: {m.source}
              </p>
            </article>
          ))}
        </section>
      ) : null}
      <section aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        {d.runs.length > 0 ? (
          <figure>
            <LogTimeline diagnosis={d} />
            <figcaption>
              Each bar is a run, from its start to its end: filled when it failed, empty when it
              succeeded, dashed when the log has no end for it; a cross marks its first failure.
            </figcaption>
          </figure>
        ) : (
          <p>The logs hold no runs (scans, installs, servicing sessions, setup attempts).</p>
        )}
      </section>
      <section aria-labelledby="findings">
        <h2 id="findings">Findings, most telling first</h2>
        {d.telling.length === 0 ? (
          <p>No error code in a context that names one.</p>
        ) : (
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Where</th>
                  <th scope="col">Time</th>
                  <th scope="col">Line</th>
                  <th scope="col">Known-harmless?</th>
                </tr>
              </thead>
              <tbody>
                {d.telling.map((f) => (
                  <tr>
                    <td>
                      <a href={codePath(f.code)}>{f.code}</a>
                      {f.name ? (
                        <>
                          <br />
                          <small>{f.name}</small>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <Where f={f} />
                    </td>
                    <td>{f.time ?? ''}</td>
                    <td class="log-line">
                      <code>{f.text}</code>
                    </td>
                    <td>{f.noise ? `yes: ${f.noise}` : 'no'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {d.groups.length > 0 ? (
        <section aria-labelledby="codes">
          <h2 id="codes">Codes found</h2>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Code</th>
                  <th scope="col">Times seen</th>
                  <th scope="col">Of them harmless</th>
                  <th scope="col">First</th>
                  <th scope="col">Last</th>
                </tr>
              </thead>
              <tbody>
                {d.groups.map((g) => (
                  <tr>
                    <td>
                      <a href={codePath(g.code)}>{g.code}</a>
                      {g.name ? ` ${g.name}` : ''}
                    </td>
                    <td>{g.count}</td>
                    <td>{g.noiseCount}</td>
                    <td>{g.firstTime ?? <Where f={g.first} />}</td>
                    <td>{g.lastTime ?? <Where f={g.last} />}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {d.runs.length > 0 ? (
        <section aria-labelledby="runs">
          <h2 id="runs">Runs</h2>
          <ul>
            {d.runs.map((r) => (
              <li>
                {`${r.kind}: ${r.label} → ${r.result}${r.resultCode ? ` (${r.resultCode})` : ''}`}
                {r.firstFailure ? (
                  <>
                    , first failure{' '}
                    <a href={codePath(r.firstFailure.code)}>{r.firstFailure.code}</a> at line{' '}
                    {r.firstFailure.line}
                  </>
                ) : null}{' '}
                <small>
                  ({r.file}, from line {r.startLine})
                </small>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="files">
        <h2 id="files">What was read</h2>
        <ul>
          {d.files.map((f) => (
            <li>
              {`${f.file}: ${f.format}, ${f.encoding}, ${f.lines} lines`}
              {f.notices.length > 0 ? ` — ${f.notices.join('; ')}` : ''}
            </li>
          ))}
          {d.refused.map((r) => (
            <li>{`${r.file}: not read — ${r.reason}`}</li>
          ))}
        </ul>
      </section>
      <p>
        <a href={logsPath}>Analyse other logs</a>
      </p>
    </Layout>
  );
}
