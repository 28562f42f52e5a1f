import type { VNode } from 'preact';
import { render } from 'preact-render-to-string';

/** A whole HTML document from a page's vnode. */
export const renderPage = (page: VNode): string => `<!doctype html>${render(page)}`;
