import type { Actor } from '@callboard/shared';
import { escapeHtml } from '../../lib/rich-text.js';
import { schedulerActor } from '../../db/actor.js';
import { ensureStatusLink, getStatusLink, statusLinkUrl } from './status-link.service.js';

const anchor = (url: string) => ({ html: `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` });

/**
 * The letter variable `<$status_link>`: the order's link, made by the first letter that uses it.
 * A preview makes nothing: it shows the link there is, or what a new one will look like.
 */
export async function statusLinkVariable(request: {
  orderId: string;
  actor: Actor | undefined;
  preview: boolean;
}): Promise<{ html: string }> {
  if (request.preview) {
    const link = await getStatusLink(request.orderId);
    return anchor(link?.url ?? statusLinkUrl('…'));
  }
  const link = await ensureStatusLink(request.orderId, request.actor ?? schedulerActor);
  return anchor(link.url);
}
