import type { VNode } from 'preact';
import type { TroubleshootingSessionView } from '../../app/get-troubleshooting-session.js';
import {
  articlePath,
  familyPath,
  outcomeChartPath,
  troubleshootPath,
  troubleshootSessionPath,
  troubleshootSummaryPath,
} from '../../app/urls.js';
import type { Platform } from '../../core/products/registry.js';
import { describeSuccess } from '../../core/troubleshoot/fix-estimate.js';
import { FixSection } from './article-page.js';
import { Layout } from './layout.js';
import { ScriptLinks } from './script-links.js';
import { MarkdownBlocks } from './markdown-html.js';

/** The start of a walk-through: the platform first (a GET shows it; the POST starts a session). */
export function TroubleshootStartPage({
  product,
  code,
  title,
  platforms,
  supportEnded,
  startFix,
}: {
  product: string;
  code: string;
  title: string;
  platforms: readonly Platform[];
  /** True for a platform Microsoft no longer supports: its name says so, as on the article. */
  supportEnded: (platform: Platform) => boolean;
  /** The fix to start with (a link from the diagnosis page), carried by the form. */
  startFix?: string | undefined;
}): VNode {
  return (
    <Layout title={`Fix ${code} step by step`}>
      <p class="meta">
        <a href={articlePath(product, code)}>Back to the article</a>
      </p>
      <h1>Fix {code} step by step</h1>
      <p>{title}</p>
      <p>
        One fix at a time: do it, check, and say whether it worked. Nothing to install and no
        account; you can come back to this walk-through from its address for 30 days.
      </p>
      <form method="post" action={troubleshootPath(product, code)}>
        {startFix ? <input type="hidden" name="fix" value={startFix} /> : null}
        <fieldset>
          <legend>Which Windows is this PC running?</legend>
          {platforms.map((platform, index) => (
            <p>
              <input
                type="radio"
                id={`platform-${platform.id}`}
                name="platform"
                value={platform.id}
                required
                checked={index === 0}
              />{' '}
              <label for={`platform-${platform.id}`}>
                {platform.name}
                {supportEnded(platform) ? ' (support ended)' : ''}
              </label>
            </p>
          ))}
        </fieldset>
        <button type="submit">Start</button>
      </form>
    </Layout>
  );
}

const startAgain = (view: TroubleshootingSessionView) => {
  const first = view.session.state.path[0]!;
  return troubleshootPath(first.product, first.code);
};

function Step({ view, sessionPath }: { view: TroubleshootingSessionView; sessionPath: string }) {
  if (view.view.kind !== 'step') return <></>;
  const { fix, step, position, of } = view.view;
  const platformName = (id: string) =>
    id === view.session.state.platform ? (view.platformName ?? id) : id;
  return (
    <>
      <p class="progress">
        Step {position} of {of} for <code>{view.subject.code}</code>
        {view.platformName ? ` on ${view.platformName}` : ''}
      </p>
      {view.success && view.platformName ? (
        <p class="success-rate">This fix {describeSuccess(view.success, view.platformName)}.</p>
      ) : null}
      <FixSection fix={fix} index={position - 1} platformName={platformName} />
      {view.subject.source.kind === 'article' ? (
        <ScriptLinks
          product={view.subject.product}
          code={view.subject.code}
          fixes={[fix.id]}
          platform={view.session.state.platform}
          label="This step as a script:"
        />
      ) : null}
      <form method="post" action={sessionPath} class="answer">
        <input type="hidden" name="step" value={String(step)} />
        <input type="hidden" name="fix" value={fix.id} />
        <h2>Did it work?</h2>
        <p>
          <button type="submit" name="answer" value="fixed">
            Fixed it
          </button>{' '}
          <button type="submit" name="answer" value="still-failing">
            Still failing
          </button>
        </p>
        <p>
          <label for="new-code">Does it show a different code now? (optional)</label>{' '}
          <input id="new-code" name="newCode" placeholder="0x80070005" autoComplete="off" />
        </p>
        <details>
          <summary>I couldn't do this step</summary>
          <p>
            <label for="reason">Why not? (optional)</label>{' '}
            <select id="reason" name="reason">
              <option value="">Rather not say</option>
              <option value="no-admin">I have no administrator rights</option>
              <option value="command-failed">A command failed</option>
              <option value="other">Another reason</option>
            </select>
          </p>
          <p>
            <label for="message">What did it print? (optional; a code in it is looked up)</label>
            <br />
            <textarea id="message" name="message" rows={3} cols={60} maxLength={2000} />
          </p>
          <button type="submit" name="answer" value="could-not">
            I couldn't do this step
          </button>
        </details>
      </form>
    </>
  );
}

/** How others fared with this article's fixes on the same platform (an SVG drawn on the server). */
function OutcomeChart({ view }: { view: TroubleshootingSessionView }) {
  const { subject } = view;
  const platform = view.session.state.platform;
  if (subject.source.kind !== 'article' || platform === undefined) return null;
  return (
    <section aria-labelledby="outcomes-title">
      <h2 id="outcomes-title">How others fared</h2>
      <img
        class="chart"
        src={outcomeChartPath(subject.product, subject.code, platform)}
        width={720}
        alt={`For each fix of ${subject.code} on ${view.platformName ?? platform}: how many people it fixed, how many were still failing after it and how many could not do it.`}
      />
    </section>
  );
}

function Summary({ view }: { view: TroubleshootingSessionView }) {
  const first = view.session.state.path[0]!;
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">Summary for a professional</h2>
      <pre class="summary">{view.summary}</pre>
      <p>
        <a href={troubleshootSummaryPath(first.product, first.code, view.session.id)} download>
          Download the summary as text
        </a>
      </p>
    </section>
  );
}

/** One session: the step now open, or how it ended. Never cached: it changes with each answer. */
export function TroubleshootSessionPage({ view }: { view: TroubleshootingSessionView }): VNode {
  const first = view.session.state.path[0]!;
  const sessionPath = troubleshootSessionPath(first.product, first.code, view.session.id);
  const { source } = view.subject;
  return (
    <Layout title={`Fix ${first.code} step by step`}>
      <p class="meta">
        <a href={articlePath(first.product, first.code)}>Back to the article</a>
      </p>
      <h1>Fix {first.code} step by step</h1>
      {view.session.state.path.length > 1 ? (
        <p>
          The error changed along the way:{' '}
          {view.session.state.path.map((leg) => leg.code).join(' → ')}. These steps are for{' '}
          <code>{view.subject.code}</code>.
        </p>
      ) : null}
      {source.kind === 'family' ? (
        <p class="notice">
          {source.why === 'no-article'
            ? `There is no article for ${view.subject.code} yet, so these are the general fixes for its kind of error`
            : `The article does not cover ${view.platformName ?? 'this platform'}, so these are the general fixes`}
          {source.familyId ? (
            <>
              {' '}
              (see also{' '}
              <a href={familyPath(source.familyId)}>{source.title}: what generally helps</a>)
            </>
          ) : null}
          .
        </p>
      ) : null}
      {view.view.kind === 'step' ? <Step view={view} sessionPath={sessionPath} /> : null}
      {view.view.kind === 'fixed' ? (
        <>
          <h2 class="result">Fixed</h2>
          <p>Good. What fixed it: {titleOf(view, view.view.by.fixId)}.</p>
          <Summary view={view} />
          <OutcomeChart view={view} />
        </>
      ) : null}
      {view.view.kind === 'exhausted' ? (
        <>
          <h2 class="result">Every step has been tried</h2>
          <p>None of the steps fixed it. This is where to ask for help.</p>
          {view.subject.escalation ? <MarkdownBlocks text={view.subject.escalation} /> : null}
          <Summary view={view} />
          <OutcomeChart view={view} />
        </>
      ) : null}
      {view.view.kind === 'choose-platform' ? (
        <p>
          <a href={startAgain(view)}>Choose your platform to begin</a>
        </p>
      ) : null}
      <p>
        <a href={startAgain(view)}>Start again</a>
      </p>
    </Layout>
  );
}

const titleOf = (view: TroubleshootingSessionView, fixId: string): string =>
  view.subject.fixes.find((f) => f.id === fixId)?.title ?? fixId;

/** 404 and 410: what happened, and the way to start again. */
export function TroubleshootGonePage({
  title,
  message,
  startPath,
}: {
  title: string;
  message: string;
  startPath: string;
}): VNode {
  return (
    <Layout title={title}>
      <h1>{title}</h1>
      <div class="error-box" role="alert">
        <p>{message}</p>
      </div>
      <p>
        <a href={startPath}>Start a new walk-through</a>
      </p>
    </Layout>
  );
}

/** After "Did this fix it?" on an article page. */
export function FixOutcomeThanksPage({
  articleHref,
  recorded,
}: {
  articleHref: string;
  recorded: boolean;
}): VNode {
  return (
    <Layout title="Thank you">
      <h1>Thank you</h1>
      <p>
        {recorded
          ? 'Your answer was counted. It helps put the fixes that work first.'
          : 'You had answered for this fix already; it counts once.'}
      </p>
      <p>
        <a href={articleHref}>Back to the article</a>
      </p>
    </Layout>
  );
}
