import type { Context, Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import {
  answerTroubleshootingStep,
  type SessionInput,
} from '../../app/answer-troubleshooting-step.js';
import type { AppDeps } from '../../app/deps.js';
import { getTroubleshootingSession } from '../../app/get-troubleshooting-session.js';
import { recordFixOutcome } from '../../app/record-fix-outcome.js';
import { startTroubleshooting } from '../../app/start-troubleshooting.js';
import {
  articlePath,
  fixOutcomePath,
  troubleshootPath,
  troubleshootSessionPath,
} from '../../app/urls.js';
import { isCanonical } from '../../core/codes/code-value.js';
import { DomainError } from '../../core/errors.js';
import { findProduct } from '../../core/products/registry.js';
import {
  ANSWERS,
  COULD_NOT_REASONS,
  type Answer,
  type CouldNotReason,
} from '../../core/troubleshoot/walk.js';
import { clientAddress } from '../client-address.js';
import { toHttpError } from '../errors.js';
import { renderPage } from './render-page.js';
import { pagePath } from './page-address.js';
import { sendHtml } from './send-html.js';
import { NO_STORE } from '../middleware/http-cache.js';
import {
  FixOutcomeThanksPage,
  TroubleshootGonePage,
  TroubleshootSessionPage,
  TroubleshootStartPage,
} from './troubleshoot-page.js';
import { supportHasEnded } from '../../core/products/platform-support.js';
import { dayOfClock } from '../../app/clock-day.js';

/** The random id an article page's "Did this fix it?" answers carry, so one browser counts once. */
const OUTCOME_COOKIE = 'erratlas_outcome';

const field = (body: Record<string, unknown>, name: string): string | undefined => {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
};

/** 404 / 410 of a session as a page with a way to start again; other errors as usual. */
function sendSessionError(c: Context, error: unknown, startPath: string): Response {
  if (
    error instanceof DomainError &&
    (error.code === 'session_not_found' || error.code === 'session_expired')
  ) {
    const { status, body } = toHttpError(error);
    const title =
      error.code === 'session_expired' ? 'This walk-through has expired' : 'No such walk-through';
    return sendHtml(
      c,
      renderPage(
        <TroubleshootGonePage title={title} message={body.error.message} startPath={startPath} />,
        pagePath(c),
      ),
      status,
      NO_STORE,
    );
  }
  throw error;
}

/** Reads an answer form; anything it cannot read is a 400 naming what is accepted. */
function readAnswerForm(body: Record<string, unknown>): SessionInput {
  const answer = field(body, 'answer');
  const step = Number(field(body, 'step'));
  const fixId = field(body, 'fix');
  if (
    !answer ||
    !(ANSWERS as readonly string[]).includes(answer) ||
    !Number.isInteger(step) ||
    step < 0 ||
    !fixId
  ) {
    throw new DomainError(
      'invalid_request',
      `an answer needs "step" (a whole number), "fix" and "answer" (one of: ${ANSWERS.join(', ')})`,
    );
  }
  const reason = field(body, 'reason');
  if (reason && !(COULD_NOT_REASONS as readonly string[]).includes(reason)) {
    throw new DomainError(
      'invalid_request',
      `"${reason}" is not a reason; send one of: ${COULD_NOT_REASONS.join(', ')}`,
    );
  }
  const input: SessionInput = { kind: 'answer', step, fixId, answer: answer as Answer };
  if (reason) input.reason = reason as CouldNotReason;
  const message = field(body, 'message');
  if (message) input.message = message;
  const newCode = field(body, 'newCode');
  if (newCode) input.newCode = newCode;
  return input;
}

/**
 * The walk-through pages and the article page's "Did this fix it?" form. Plain forms posting
 * and redirecting (303), so everything works without JavaScript; every page here is sent
 * `no-store` and never enters the page cache, as each answer changes it.
 */
export function registerTroubleshootRoutes(app: Hono, deps: AppDeps): void {
  app.get('/:product/:code/troubleshoot', async (c) => {
    const { product, code } = c.req.param();
    const found = findProduct(deps.registry, product);
    if (!found || !isCanonical(code)) {
      throw new DomainError(
        'not_found',
        `There is no walk-through at this address; write the code as 0x followed by 8 hex digits, e.g. /windows-update/0x80244001/troubleshoot.`,
      );
    }
    const stored = await deps.store.getArticle(product, code);
    const platforms = deps.registry.platforms.filter((p) => found.platforms.includes(p.id));
    // One day for the whole page, as the article page judges support (app/clock-day.ts).
    const today = dayOfClock(deps.clock);
    const title =
      stored?.article.title ??
      `There is no article for ${code} yet: you will be walked through the general fixes.`;
    return sendHtml(
      c,
      renderPage(
        <TroubleshootStartPage
          product={product}
          code={code}
          title={title}
          platforms={platforms}
          supportEnded={(platform) => supportHasEnded(platform.support, today)}
          startFix={c.req.query('fix')}
        />,
        pagePath(c),
      ),
      200,
      NO_STORE,
    );
  });

  app.post('/:product/:code/troubleshoot', async (c) => {
    const { product, code } = c.req.param();
    const body = await c.req.parseBody();
    const platform = field(body, 'platform');
    if (!platform) {
      throw new DomainError(
        'invalid_request',
        'choose the Windows version this PC runs ("platform")',
      );
    }
    const startFix = field(body, 'fix');
    const { id } = await startTroubleshooting(
      deps,
      { product, code, platform, ...(startFix ? { startFix } : {}) },
      clientAddress(c),
    );
    return c.redirect(troubleshootSessionPath(product, code, id), 303);
  });

  app.get('/:product/:code/troubleshoot/:id', async (c) => {
    const { product, code, id } = c.req.param();
    try {
      const view = await getTroubleshootingSession(deps, id);
      const first = view.session.state.path[0]!;
      // One address per session: the product and code it started with.
      if (first.product !== product || first.code !== code)
        return c.redirect(troubleshootSessionPath(first.product, first.code, id), 301);
      return sendHtml(
        c,
        renderPage(<TroubleshootSessionPage view={view} />, pagePath(c)),
        200,
        NO_STORE,
      );
    } catch (error) {
      return sendSessionError(c, error, troubleshootPath(product, code));
    }
  });

  app.get('/:product/:code/troubleshoot/:id/summary.txt', async (c) => {
    const { product, code, id } = c.req.param();
    try {
      const view = await getTroubleshootingSession(deps, id);
      return c.body(view.summary, 200, {
        'content-type': 'text/plain; charset=utf-8',
        'content-disposition': `attachment; filename="troubleshooting-${view.session.state.path[0]!.code}.txt"`,
        'cache-control': NO_STORE,
      });
    } catch (error) {
      return sendSessionError(c, error, troubleshootPath(product, code));
    }
  });

  app.post('/:product/:code/troubleshoot/:id', async (c) => {
    const { product, code, id } = c.req.param();
    try {
      const input = readAnswerForm(await c.req.parseBody());
      // Recorded or a repeat, the answer is the same: back to the session as it now is.
      await answerTroubleshootingStep(deps, id, input);
      return c.redirect(troubleshootSessionPath(product, code, id), 303);
    } catch (error) {
      return sendSessionError(c, error, troubleshootPath(product, code));
    }
  });

  app.post('/:product/:code/fixes/:fix/outcome', async (c) => {
    const { product, code, fix } = c.req.param();
    const body = await c.req.parseBody();
    const sourceId = getCookie(c, OUTCOME_COOKIE);
    const result = await recordFixOutcome(
      deps,
      {
        product,
        code,
        fixId: fix,
        platform: field(body, 'platform') ?? '',
        answer: field(body, 'answer') ?? '',
        ...(sourceId ? { sourceId } : {}),
      },
      clientAddress(c),
    );
    setCookie(c, OUTCOME_COOKIE, result.sourceId, {
      path: '/',
      httpOnly: true,
      sameSite: 'Lax',
      maxAge: 30 * 24 * 3600,
    });
    return c.redirect(
      `${fixOutcomePath(product, code, fix)}?counted=${result.recorded ? 'yes' : 'again'}`,
      303,
    );
  });

  app.get('/:product/:code/fixes/:fix/outcome', (c) => {
    const { product, code } = c.req.param();
    const recorded = c.req.query('counted') !== 'again';
    return sendHtml(
      c,
      renderPage(
        <FixOutcomeThanksPage articleHref={articlePath(product, code)} recorded={recorded} />,
        pagePath(c),
      ),
      200,
      NO_STORE,
    );
  });
}
