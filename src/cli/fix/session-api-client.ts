import type { z } from 'zod';
import { errorResponseSchema } from '../../app/responses.js';
import {
  sessionAnswerResponseSchema,
  sessionResponseSchema,
  type SessionResponse,
} from '../../app/troubleshoot-responses.js';
import { fail, ok, type Result } from '../../core/result.js';

/** An answer as `POST /api/v1/sessions/{id}/outcomes` takes it. */
export interface OutcomeBody {
  step: number;
  fix: string;
  answer: string;
  reason?: string;
  message?: string;
  newCode?: string;
}

/** The server's side of a shared walk: its session API, over HTTP. */
export interface SessionApi {
  /** The server's address, as given (origin and path prefix). */
  readonly server: string;
  startSession(body: {
    product: string;
    code: string;
    platform: string;
    /** The fix to start with (`--from`). */
    fix?: string;
  }): Promise<Result<SessionResponse>>;
  postOutcome(
    id: string,
    body: OutcomeBody,
  ): Promise<Result<{ recorded: boolean; session: SessionResponse }>>;
}

/** Long enough for a slow server, short enough that a person is not left waiting for long. */
const TIMEOUT_MS = 10_000;

/**
 * The session API of an Error Atlas server at `server` (an http(s) address, checked by the
 * caller). Each call answers the server's JSON read with the API's own schema, or the reason
 * it failed in plain words: no answer, a refusal with the server's error code and message,
 * or an answer that is not the API's.
 */
export function sessionApiClient(server: string, timeoutMs = TIMEOUT_MS): SessionApi {
  const call = async <S extends z.ZodType>(
    path: string,
    body: unknown,
    schema: S,
  ): Promise<Result<z.infer<S>>> => {
    let response: Response;
    try {
      response = await fetch(`${server}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      return fail(noAnswer(error, timeoutMs));
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      return fail(`its answer to ${path} (HTTP ${response.status}) is not JSON`);
    }
    if (!response.ok) {
      const refusal = errorResponseSchema.safeParse(json);
      return fail(
        refusal.success
          ? `it refused (HTTP ${response.status} ${refusal.data.error.code}: ${refusal.data.error.message})`
          : `it refused (HTTP ${response.status})`,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return fail(`its answer to ${path} is not an Error Atlas session`);
    return ok(parsed.data);
  };
  return {
    server,
    startSession: (body) => call('/api/v1/sessions', body, sessionResponseSchema),
    postOutcome: (id, body) =>
      call(
        `/api/v1/sessions/${encodeURIComponent(id)}/outcomes`,
        body,
        sessionAnswerResponseSchema,
      ),
  };
}

/** Why fetch got no answer: a time-out, or the network's error code ("ECONNREFUSED"). */
function noAnswer(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && error.name === 'TimeoutError')
    return `it did not answer within ${timeoutMs / 1000} s`;
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return `it could not be reached (${code ?? message})`;
}
