import type { VNode } from 'preact';
import { codePath } from '../../app/urls.js';
import { Layout } from './layout.js';

export interface ErrorPageProps {
  status: number;
  title: string;
  message: string;
  input?: string | undefined;
  suggestions?: readonly string[] | undefined;
  /** Shown so a person reporting the error can quote it; the operator finds it in the logs. */
  requestId?: string | undefined;
}

/** What was wrong, what is accepted, and the codes the input may have meant. */
export function ErrorPage({
  title,
  message,
  input,
  suggestions,
  requestId,
}: ErrorPageProps): VNode {
  return (
    <Layout title={title} query={input}>
      <h1>{title}</h1>
      <div class="error-box" role="alert">
        <p>{message}</p>
        {requestId ? (
          <p class="meta">
            Request id: <code>{requestId}</code>
          </p>
        ) : null}
      </div>
      {suggestions && suggestions.length > 0 ? (
        <>
          <h2>Did you mean</h2>
          <ul>
            {suggestions.map((code) => (
              <li>
                <a href={codePath(code)}>
                  <code>{code}</code>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>What you can look up</h2>
      <ul>
        <li>
          A code in hex: <code>0x80244001</code> or <code>80244001</code>
        </li>
        <li>
          As a decimal number: <code>-2145107967</code> or <code>2149859329</code>, or a Win32 error
          number such as <code>5</code>
        </li>
        <li>
          A symbolic name: <code>WU_E_PT_SOAPCLIENT_INITIALIZE</code>
        </li>
        <li>
          A line of text with a code in it: <code>error 0x80244001 on Windows 11</code>
        </li>
      </ul>
    </Layout>
  );
}
