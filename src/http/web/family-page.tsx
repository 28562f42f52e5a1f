import type { VNode } from 'preact';
import type { FamilyDetail, FamilySummary } from '../../app/responses.js';
import { codePath, familiesPath } from '../../app/urls.js';
import { Layout } from './layout.js';
import { MarkdownBlocks } from './markdown-html.js';

export function FamilyPage({ family }: { family: FamilyDetail }): VNode {
  return (
    <Layout title={family.title} canonicalPath={family.url}>
      <p class="meta">
        <a href={familiesPath}>Families of codes</a>
      </p>
      <h1>{family.title}</h1>
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
              <code>{c.name}</code>: {c.text}
            </li>
          ))}
        </ul>
      ) : (
        <p>
          {family.members} codes in the tables belong to this family ({family.match}). Look any of
          them up for its names and decode.
        </p>
      )}
    </Layout>
  );
}

export function FamiliesPage({ families }: { families: readonly FamilySummary[] }): VNode {
  return (
    <Layout title="Families of codes" canonicalPath={familiesPath}>
      <h1>Families of codes</h1>
      <p>
        Codes that come from the same part of Windows share causes and fixes. Each family says what
        its codes mean and what generally helps.
      </p>
      <ul>
        {families.map((f) => (
          <li>
            <a href={f.url}>{f.title}</a> <span class="meta">({f.members} codes)</span>
          </li>
        ))}
      </ul>
    </Layout>
  );
}
