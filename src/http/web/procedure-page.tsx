import type { VNode } from 'preact';
import type { ProcedureForReading, ProcedureSummary } from '../../app/get-procedures.js';
import { proceduresPath } from '../../app/urls.js';
import { BreakAtUnderscores } from './break-at-underscores.js';
import { FixBody } from './fix-body.js';
import { Layout } from './layout.js';

const articleCount = (n: number): string => (n === 1 ? '1 article' : `${n} articles`);

/** A shared procedure on its own: its steps, and every article that uses it. */
export function ProcedurePage({
  view,
  platformName,
}: {
  view: ProcedureForReading;
  platformName: (id: string) => string;
}): VNode {
  const { procedure, usedBy } = view;
  return (
    <Layout
      title={procedure.title}
      description={`${procedure.title}: a fix written once and used by ${articleCount(usedBy.length)}, step by step, with the commands to run and why.`}
      canonicalPath={view.url}
    >
      <p class="meta">
        <a href={proceduresPath}>Shared procedures</a>
      </p>
      <h1>
        <BreakAtUnderscores text={procedure.title} />
      </h1>
      <p>
        A procedure is a fix written once and used by several articles: the steps are the same
        wherever it appears. Follow it from the article of your error code, which says when to try
        it.
      </p>
      <section class="fix" id={procedure.id} aria-labelledby="steps-title">
        <h2 id="steps-title">The steps</h2>
        <FixBody fix={procedure} platformName={platformName} />
      </section>
      <h2 id="used-by">Used by {articleCount(usedBy.length)}</h2>
      {usedBy.length > 0 ? (
        <ul class="used-by">
          {usedBy.map((use) => (
            <li>
              <a href={use.url}>
                <BreakAtUnderscores text={use.title} />
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p>No article uses it yet.</p>
      )}
    </Layout>
  );
}

/** Every shared procedure, with how many articles use it. */
export function ProceduresPage({ procedures }: { procedures: readonly ProcedureSummary[] }): VNode {
  return (
    <Layout
      title="Shared procedures"
      description="Fixes written once and used by many articles: resetting the Windows Update components, repairing system files, a clean boot and more, step by step."
      canonicalPath={proceduresPath}
    >
      <h1>Shared procedures</h1>
      <p>
        Some fixes help with many error codes. Each is written once, here, and the articles that
        need it use it as one of their fixes.
      </p>
      <ul class="procedures">
        {procedures.map((p) => (
          <li>
            <a href={p.url}>{p.title}</a>{' '}
            <span class="meta">(used by {articleCount(p.usedBy.length)})</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
