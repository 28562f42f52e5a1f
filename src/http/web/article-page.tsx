import type { VNode } from 'preact';
import type { ArticleForReading } from '../../app/get-article.js';
import type { ReadingView } from '../../app/responses.js';
import {
  articlePath,
  codePath,
  logsPath,
  procedurePath,
  troubleshootPath,
} from '../../app/urls.js';
import {
  type Article,
  type InlineFix,
  type Message,
  sourceParts,
} from '../../core/articles/schema.js';
import { BreakAtUnderscores } from './break-at-underscores.js';
import { DecodePanel } from './decode-panel.js';
import { FixBody } from './fix-body.js';
import { FixOutcomeForm } from './fix-outcome-form.js';
import { DiagnoseLinks, ScriptLinks } from './script-links.js';
import { Layout } from './layout.js';
import { MarkdownBlocks, inline } from './markdown-html.js';
import { logsNamedIn } from './logs-mention.js';
import { faqPage, techArticle } from './structured-data.js';

export interface ArticlePageProps {
  view: ArticleForReading;
  reading: ReadingView | undefined;
  productName: string;
  platformName: (id: string) => string;
  /**
   * The names in the top "Applies to" badge, when shorter than `platformName`'s: on a phone the
   * first fix must stay within 1.5 screens, so the end-of-support dates are in the fix badges.
   */
  appliesToName?: (id: string) => string;
  /** The first name the tables give a code, for the related codes. */
  codeName: (code: string) => string | undefined;
  /** The code's primary family, linked under the title. */
  family?: { title: string; url: string } | undefined;
}

/** Where the decode of the code sits on the article page (the title's code jumps there). */
export const DECODE_SECTION_ID = 'decode';

/**
 * The title with its code as a jump to the decode below: a code that has an article has no
 * code page of its own (`/codes/<code>` redirects to the article), so a link there would only
 * reload this page.
 */
function TitleWithCode({ title, code }: { title: string; code: string }): VNode {
  const at = title.indexOf(code);
  if (at < 0) return <BreakAtUnderscores text={title} />;
  return (
    <>
      <BreakAtUnderscores text={title.slice(0, at)} />
      <a href={`#${DECODE_SECTION_ID}`} title="What the number itself says">
        {code}
      </a>
      <BreakAtUnderscores text={title.slice(at + code.length)} />
    </>
  );
}

const MESSAGE_PLACE_TEXT: Record<Message['where'], string> = {
  settings: 'Settings, Windows Update',
  dism: 'DISM',
  sfc: 'System File Checker',
  setup: 'Windows Setup',
  'event-log': 'Event log',
  other: 'Elsewhere',
};

const SEVERITY_TEXT = {
  low: 'Low: annoying, but the system works',
  moderate: 'Moderate: updates or a feature fail; fix soon',
  high: 'High: the system is unsafe or unstable; fix now',
  critical: 'Critical: the system does not start or data is being lost',
} as const;

export function FixSection({
  fix,
  index,
  platformName,
  procedure,
}: {
  fix: InlineFix;
  index: number;
  platformName: (id: string) => string;
  /** The shared procedure this fix is, when it is one: named and linked. */
  procedure?: { id: string; title: string } | undefined;
}): VNode {
  return (
    <section class="fix" id={fix.id} aria-labelledby={`${fix.id}-title`}>
      <h3 id={`${fix.id}-title`}>
        {index + 1}. <BreakAtUnderscores text={fix.title} />
      </h3>
      {procedure ? (
        <p class="procedure-note">
          A shared procedure: <a href={procedurePath(procedure.id)}>{procedure.title}</a>, the same
          steps wherever an article uses it.
        </p>
      ) : null}
      <FixBody fix={fix} platformName={platformName} />
    </section>
  );
}

/** A short contents, the fixes first: the jump most readers want. */
function OnThisPage({ article, hasFixes }: { article: Article; hasFixes: boolean }): VNode {
  const entries: [id: string, text: string][] = [];
  if (hasFixes) entries.push(['fixes', 'Fixes']);
  entries.push(['meaning', 'Meaning']);
  if (article.causes.length > 0) entries.push(['causes', 'Causes']);
  if (article.faq.length > 0) entries.push(['faq', 'Questions']);
  if (article.sources.length > 0) entries.push(['sources', 'Sources']);
  return (
    <nav class="toc" aria-label="On this page">
      <span class="toc-title" aria-hidden="true">
        On this page:
      </span>
      <ul>
        {entries.map(([id, text]) => (
          <li>
            <a href={`#${id}`}>{text}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * The whole article, every section of the model under its own heading: the summary, then the
 * fixes (on a phone the first fix must come soon), then the causes and the longer meaning.
 */
export function ArticlePage({
  view,
  reading,
  productName,
  platformName,
  appliesToName,
  codeName,
  family,
}: ArticlePageProps): VNode {
  const { article } = view.stored;
  const logs = logsNamedIn(JSON.stringify(article));
  return (
    <Layout
      title={article.title}
      description={article.meaning.summary}
      canonicalPath={articlePath(article.product, article.code)}
      review={article.reviewedAt ? `reviewed ${article.reviewedAt}` : 'awaiting review'}
      structuredData={[techArticle(view.stored), faqPage(view.stored)].filter(
        (d) => d !== undefined,
      )}
    >
      <article>
        <p class="meta">
          <span>{productName}</span>
          {family ? (
            <>
              <span aria-hidden="true">·</span>
              <span>
                Family: <a href={family.url}>{family.title}</a>
              </span>
            </>
          ) : null}
        </p>
        <h1>
          <TitleWithCode title={article.title} code={article.code} />
        </h1>
        <ul class="badges" aria-label="About this error">
          <li class={`badge severity-${article.severity}`}>
            Severity {SEVERITY_TEXT[article.severity]}
          </li>
          {article.appliesTo.length > 0 ? (
            <li class="badge">
              Applies to {article.appliesTo.map(appliesToName ?? platformName).join(', ')}
            </li>
          ) : null}
          <li class="badge">
            {article.reviewedAt ? `Reviewed ${article.reviewedAt}` : 'Awaiting review'}
          </li>
        </ul>
        <OnThisPage article={article} hasFixes={view.fixes.length > 0} />

        <h2 id="meaning">What does this error mean?</h2>
        <MarkdownBlocks text={article.meaning.summary} />

        {view.fixes.length > 0 ? (
          <>
            <h2 id="fixes">How to fix it</h2>
            <p>Try the fixes in order: they start with the least invasive.</p>
            <p>
              <a href={troubleshootPath(article.product, article.code)}>
                Walk me through the fixes one at a time
              </a>
            </p>
            {view.fixes.map((fix, index) => (
              <>
                <FixSection
                  fix={fix}
                  index={index}
                  platformName={platformName}
                  procedure={view.procedureOf.get(fix.id)}
                />
                <ScriptLinks
                  product={article.product}
                  code={article.code}
                  fixes={[fix.id]}
                  label="This fix as a script:"
                />
                <FixOutcomeForm
                  product={article.product}
                  code={article.code}
                  fix={fix}
                  platforms={fix.platforms?.length ? fix.platforms : article.appliesTo}
                  platformName={platformName}
                />
              </>
            ))}
            {/* After the fixes, so the first fix stays near the top of a phone screen. */}
            <ScriptLinks
              product={article.product}
              code={article.code}
              label="Download every fix as a script:"
            />
            <DiagnoseLinks />
          </>
        ) : null}

        {/* After the fixes: on a phone the first fix must come soon. */}
        {logs.length > 0 ? (
          <p class="logs-link">
            Have the {logs.join(' or ')} of this PC? <a href={logsPath}>Analyse the log</a> to see
            what failed first and which fix to take.
          </p>
        ) : null}
        {article.causes.length > 0 ? (
          <>
            <h2 id="causes">Common causes</h2>
            <ul class="causes">
              {article.causes.map((cause) => (
                <li>
                  {inline(cause.text)}
                  {cause.fixes.length > 0 ? (
                    <>
                      {' '}
                      <span class="cause-fixes">
                        (try:{' '}
                        {cause.fixes.map((id, i) => {
                          const n = view.fixes.findIndex((f) => f.id === id);
                          return (
                            <>
                              {i > 0 ? ', ' : ''}
                              <a href={`#${id}`}>fix {n + 1}</a>
                            </>
                          );
                        })}
                        )
                      </span>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        ) : null}

        {/* Below the fixes, so that on a phone the first fix comes soon after the summary. */}
        {article.meaning.official || article.meaning.detail || article.messages.length > 0 ? (
          <h2 id="more-meaning">More about this error</h2>
        ) : null}
        {article.meaning.official ? (
          <>
            <h3 id="official">Official definition</h3>
            <MarkdownBlocks text={article.meaning.official} />
          </>
        ) : null}
        {article.meaning.detail ? (
          <>
            <h3 id="detail">In detail</h3>
            <MarkdownBlocks text={article.meaning.detail} />
          </>
        ) : null}

        {article.messages.length > 0 ? (
          <>
            <h3 id="messages">What Windows shows</h3>
            <ul class="messages">
              {article.messages.map((message) => (
                <li>
                  <span class="message-place">{MESSAGE_PLACE_TEXT[message.where]}:</span>{' '}
                  <q lang={message.lang}>{message.text}</q>
                </li>
              ))}
            </ul>
          </>
        ) : null}

        {article.escalation ? (
          <>
            <h2 id="escalation">When to call a professional</h2>
            <MarkdownBlocks text={article.escalation} />
          </>
        ) : null}

        {article.faq.length > 0 ? (
          <>
            <h2 id="faq">Frequently asked questions</h2>
            {article.faq.map((entry) => (
              <>
                <h3>{entry.question}</h3>
                <MarkdownBlocks text={entry.answer} />
              </>
            ))}
          </>
        ) : null}

        {article.related.length > 0 ? (
          <>
            <h2 id="related">Related codes</h2>
            <ul>
              {article.related.map((code) => (
                <li>
                  <a href={codePath(code)}>
                    <code>{code}</code>
                  </a>
                  {codeName(code) ? ` ${codeName(code)}` : ''}
                </li>
              ))}
            </ul>
          </>
        ) : null}

        {article.sources.length > 0 ? (
          <>
            <h2 id="sources">Sources</h2>
            <ul>
              {article.sources.map(sourceParts).map(({ title, url }) => (
                <li>{url ? <a href={url}>{title}</a> : title}</li>
              ))}
            </ul>
          </>
        ) : null}
      </article>
      {reading ? <DecodePanel reading={reading} headingId={DECODE_SECTION_ID} /> : null}
    </Layout>
  );
}
