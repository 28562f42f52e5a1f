import type { VNode } from 'preact';
import type { SuggestedCode } from '../../app/page-suggestions.js';
import { searchHref } from '../../app/urls.js';
import { AcceptedNotations } from './accepted-notations.js';
import { DidYouMeanList } from './did-you-mean-list.js';
import { Layout } from './layout.js';

export interface ErrorPageProps {
  status: number;
  title: string;
  message: string;
  input?: string | undefined;
  suggestions?: readonly SuggestedCode[] | undefined;
  /** The code page of the input, when it reads as a code (an article is missing, not the code). */
  codePage?: { code: string; url: string } | undefined;
  /** Shown so a person reporting the error can quote it; the operator finds it in the logs. */
  requestId?: string | undefined;
}

/** What was wrong, what is accepted, and the codes the input may have meant. */
export function ErrorPage({
  title,
  message,
  input,
  suggestions,
  codePage,
  requestId,
}: ErrorPageProps): VNode {
  return (
    <Layout title={title} description={message} query={input}>
      <h1>{title}</h1>
      <div class="error-box" role="alert">
        <p>{message}</p>
        {requestId ? (
          <p class="meta">
            Request id: <code>{requestId}</code>
          </p>
        ) : null}
      </div>
      {codePage ? (
        <p>
          <a href={codePage.url}>
            What <code>{codePage.code}</code> means
          </a>
          : its page says what the number is and what generally helps with its family.
        </p>
      ) : null}
      {suggestions && suggestions.length > 0 ? <DidYouMeanList suggestions={suggestions} /> : null}
      {input && input.trim() !== '' ? (
        <p>
          <a href={searchHref({ q: input })}>Search for “{input.slice(0, 100)}”</a> in the codes and
          articles instead.
        </p>
      ) : null}
      {codePage ? null : <AcceptedNotations />}
    </Layout>
  );
}
