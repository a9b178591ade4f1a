import type { OutboundReply, ReplyButton } from './channel-adapter';
import { ReplyRefusedError } from './channel-errors';

/** WhatsApp's limits for reply buttons, the strictest channel that has them: three, titles of 20 characters. */
export const REPLY_BUTTONS_MAX = 3;
export const REPLY_BUTTON_TITLE_MAX = 20;
export const REPLY_BUTTON_ID_MAX = 256;

/** Why a set of reply buttons cannot be sent, or null when it can (also used by the HTTP/DTO layer). */
export function replyButtonsProblem(buttons: readonly ReplyButton[] | undefined): string | null {
  if (!buttons || buttons.length === 0) {
    return null;
  }
  if (buttons.length > REPLY_BUTTONS_MAX) {
    return `at most ${REPLY_BUTTONS_MAX} reply buttons`;
  }
  const titles = new Set<string>();
  const ids = new Set<string>();
  for (const button of buttons) {
    const title = button.title?.trim() ?? '';
    const id = button.id?.trim() ?? '';
    if (!title || [...title].length > REPLY_BUTTON_TITLE_MAX) {
      return `a reply button title must have 1-${REPLY_BUTTON_TITLE_MAX} characters`;
    }
    if (!id || id.length > REPLY_BUTTON_ID_MAX || id !== button.id) {
      return `a reply button id must have 1-${REPLY_BUTTON_ID_MAX} characters without surrounding spaces`;
    }
    // WhatsApp refuses two buttons with the same title; the answer would be ambiguous anyway.
    if (titles.has(title) || ids.has(id)) {
      return 'reply button titles and ids must be unique';
    }
    titles.add(title);
    ids.add(id);
  }
  return null;
}

/** Refuses buttons the channel could not show (checked with the other channel rules, before queueing). */
export function refuseInvalidButtons(reply: OutboundReply): void {
  const problem = replyButtonsProblem(reply.buttons);
  if (problem) {
    throw new ReplyRefusedError('invalid_buttons', `The reply buttons cannot be sent: ${problem}.`);
  }
  if (reply.buttons?.length && !reply.text?.trim()) {
    throw new ReplyRefusedError('empty_text', 'A message with reply buttons needs a text.');
  }
}

/**
 * For channels without reply buttons: the options written under the text, one line, so the citizen
 * answers by typing one of them (the survey parser reads the typed answer). The buttons are dropped.
 */
export function withButtonsAsText(reply: OutboundReply): OutboundReply {
  if (!reply.buttons?.length) {
    return reply;
  }
  refuseInvalidButtons(reply);
  const options = reply.buttons.map((button) => button.title.trim()).join(' · ');
  return { ...reply, text: `${reply.text!.trimEnd()}\n\n${options}`, buttons: undefined };
}
