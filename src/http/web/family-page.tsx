import type { VNode } from 'preact';
import type { FamilyGroupView } from '../../app/group-families.js';
import type { FamilyDetail } from '../../app/responses.js';
import { countOf } from '../../core/families/family-groups.js';
import { codePath, familiesPath } from '../../app/urls.js';
import { BreakAtUnderscores } from './break-at-underscores.js';
import { Layout } from './layout.js';
import { MarkdownBlocks } from './markdown-html.js';

export function FamilyPage({ family }: { family: FamilyDetail }): VNode {
  return (
    <Layout title={family.title} description={family.description} canonicalPath={family.url}>
      <p class="meta">
        <a href={familiesPath}>Families of codes</a>
      </p>
      <h1>
        <BreakAtUnderscores text={family.title} />
      </h1>
      <MarkdownBlocks text={family.description} />
      <h2 id="helps">What generally helps</h2>
      <MarkdownBlocks text={family.helps} />
      <h2 id="codes">Codes</h2>
      {family.codes.length > 0 ? (
        <ul class="family-codes">
          {family.codes.map((c) => (
            <li>
              <a href={codePath(c.code)}>
                <code>{c.code}</code>
              </a>{' '}
              <code>
                <BreakAtUnderscores text={c.name} />
              </code>
              : {c.text}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          {countOf(family.members, 'code')} in the tables belong to this family ({family.match}).
          Look any of them up for its names and decode.
        </p>
      )}
    </Layout>
  );
}

/** Every family under its area, each with the range and number of its codes. */
export function FamiliesPage({ groups }: { groups: readonly FamilyGroupView[] }): VNode {
  const total = groups.reduce((n, g) => n + g.families.length, 0);
  return (
    <Layout
      title="Families of codes"
      description="Windows error codes grouped by the part of Windows they come from: Windows Update, the network, servicing, setup and generic codes, each with what generally helps."
      canonicalPath={familiesPath}
    >
      <h1>Families of codes</h1>
      <p>
        Codes that come from the same part of Windows share causes and fixes. Each of these{' '}
        {countOf(total, 'family', 'families')} says what its codes mean and what generally helps.
      </p>
      <nav class="toc" aria-label="Areas">
        <ul>
          {groups.map((g) => (
            <li>
              <a href={`#${g.id}`}>{g.title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((group) => (
        <section aria-labelledby={group.id}>
          <h2 id={group.id}>{group.title}</h2>
          <ul class="families">
            {group.families.map((f) => (
              <li>
                <a href={f.url}>{f.title}</a>{' '}
                <span class="meta">
                  {f.range && f.range.first === f.range.last ? (
                    <>
                      <code>{f.range.first}</code>,{' '}
                    </>
                  ) : f.range ? (
                    <>
                      <code>{f.range.first}</code> to <code>{f.range.last}</code>,{' '}
                    </>
                  ) : null}
                  {countOf(f.members, 'code')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
