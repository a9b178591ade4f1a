import type { FormEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client';
import type { ConversationView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { useCannedPicker } from './canned-response-picker';
import type { ReplyCollision } from './collision/collision-confirm';
import { CollisionConfirm } from './collision/collision-confirm';
import type { ReplyUpload } from './reply-attachment-picker';
import { ReplyAttachmentPicker } from './reply-attachment-picker';
import { ReplyTemplateFields } from './reply-template-fields';
import { useNow } from './use-now';
import type { PendingSend } from './use-undoable-send';
import { UNDO_SECONDS, useUndoableSend } from './use-undoable-send';

const X_LIMIT = 280;
const URL_PATTERN = /https?:\/\/\S+/g;

/** X counts every link as 23 characters (t.co); other characters by code point. */
export function xLength(text: string): number {
  const withoutUrls = text.replace(URL_PATTERN, '');
  const urls = text.match(URL_PATTERN)?.length ?? 0;
  return Array.from(withoutUrls).length + urls * 23;
}

interface Props {
  conversation: ConversationView;
  onSent(): void;
  /** "Send and close": closes the conversation once the reply is queued. */
  closeConversation(conversationId: string): Promise<boolean>;
  /** The latest message shown: a reply by another officer after it asks for confirmation (409 reply.collision). */
  seenUpToMessageId?: string | null;
  /** A keystroke in the reply (reported, throttled, as "typing" to the other officers). */
  onTyping?(): void;
  /** The reply went out or was taken back: no longer typing. */
  onIdle?(): void;
}

interface HeldReply {
  body: object;
  idempotencyKey: string;
  closeAfter: boolean;
  /** What the box held, put back on undo or when the send fails. */
  text: string;
}

type Feedback = { kind: 'ok' | 'error'; text: string } | null;

/** Reply or internal note; knows the channel's rules so the officer learns them before sending. */
export function ReplyBox({ conversation, onSent, closeConversation, seenUpToMessageId, onTyping, onIdle }: Props) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [text, setTextState] = useState('');
  const [privateReply, setPrivateReply] = useState(false);
  const [files, setFiles] = useState<ReplyUpload[]>([]);
  const [template, setTemplate] = useState({ name: '', language: 'tr', params: '' });
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [collision, setCollision] = useState<{ pending: PendingSend<HeldReply>; details: ReplyCollision } | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const currentId = useRef(conversation.id);
  currentId.current = conversation.id;

  const setText = (value: string, caret?: number) => {
    setTextState(value);
    if (caret !== undefined) {
      // After React has put the new value in the box.
      requestAnimationFrame(() => {
        box.current?.focus();
        box.current?.setSelectionRange(caret, caret);
      });
    }
  };

  const send = async ({ conversationId, payload }: PendingSend<HeldReply>) => {
    try {
      const answer = await api.request<{ state?: string }>(`/api/v1/conversations/${conversationId}/replies`, {
        method: 'POST',
        body: JSON.stringify(payload.body),
        headers: { 'Idempotency-Key': payload.idempotencyKey },
        // Sent while the page unloads too (see useUndoableSend).
        keepalive: true,
      });
      const closed = payload.closeAfter && (await closeConversation(conversationId));
      // 202 with a draft: the account's replies wait for approval (issue 26).
      const held = answer?.state === 'pending';
      setFeedback({
        kind: 'ok',
        text: held ? t('approval.held') : closed ? t('ws.reply.sentAndClosed') : t('reply.sent'),
      });
      onSent();
    } catch (e) {
      const code = e instanceof ApiError ? (e.body as { code?: string } | null)?.code : undefined;
      if (code === 'reply.collision' && currentId.current === conversationId) {
        // Another officer answered first: their reply shows in the thread, ours waits for a yes.
        const details = (e as ApiError).body as { details: ReplyCollision };
        setCollision({ pending: { conversationId, payload, sendsAt: Date.now() }, details: details.details });
        setTextState((now) => now || payload.text);
        onSent();
        return;
      }
      const message = (e as Error).message;
      const refused = e instanceof ApiError && e.status === 422;
      setFeedback({
        kind: 'error',
        text: refused ? t('reply.refused', { message }) : t('common.error', { message }),
      });
      // Still here with an empty box: the officer gets the text back to correct it.
      if (currentId.current === conversationId) {
        setTextState((now) => now || payload.text);
      }
    }
  };
  const held = useUndoableSend<HeldReply>(conversation.id, (pending) => void send(pending));
  const now = useNow(held.pending ? 250 : 60_000);

  const picker = useCannedPicker({
    conversationId: conversation.id,
    text,
    setText,
    onMissing: (fields) =>
      setFeedback({ kind: 'error', text: t('reply.cannedMissing', { fields: fields.join(', ') }) }),
    onError: (message) => setFeedback({ kind: 'error', text: t('common.error', { message }) }),
  });

  useEffect(() => {
    setTextState('');
    setFeedback(null);
    setCollision(null);
    setPrivateReply(false);
    setFiles([]);
  }, [conversation.id]);

  const isX = conversation.channel === 'twitter';
  const needsTemplate = mode === 'reply' && conversation.channel === 'whatsapp' && !conversation.replyWindow.open;
  const canPrivateReply =
    conversation.kind === 'public' && (conversation.channel === 'facebook' || conversation.channel === 'instagram');
  const used = isX ? xLength(text) : 0;
  const tooLong = mode === 'reply' && isX && used > X_LIMIT;
  const empty = needsTemplate ? !template.name.trim() : !text.trim() && (mode === 'note' || files.length === 0);

  const saveNote = async () => {
    setBusy(true);
    try {
      await api.request(`/api/v1/conversations/${conversation.id}/notes`, {
        method: 'POST',
        body: JSON.stringify({ text }),
      });
      setFeedback({ kind: 'ok', text: t('reply.noteSaved') });
      setTextState('');
      onSent();
    } catch (e) {
      setFeedback({ kind: 'error', text: t('common.error', { message: (e as Error).message }) });
    } finally {
      setBusy(false);
    }
  };

  const submit = (event?: FormEvent, closeAfter = false) => {
    event?.preventDefault();
    if (busy || empty || tooLong) {
      return;
    }
    setFeedback(null);
    if (mode === 'note') {
      void saveNote();
      return;
    }
    const body = needsTemplate
      ? {
          template: {
            name: template.name.trim(),
            language: template.language,
            parameters: template.params
              .split('\n')
              .map((p) => p.trim())
              .filter(Boolean),
          },
        }
      : {
          ...(text.trim() ? { text } : {}),
          ...(canPrivateReply && privateReply ? { privateReply: true } : {}),
          ...(files.length > 0 ? { attachmentIds: files.map((f) => f.id) } : {}),
        };
    if (seenUpToMessageId) {
      Object.assign(body, { seenUpToMessageId });
    }
    onIdle?.();
    // Held for UNDO_SECONDS: the request goes out only when the time is up.
    held.schedule({ body, idempotencyKey: crypto.randomUUID(), closeAfter, text });
    setTextState('');
    setFiles([]);
  };

  const sendAnyway = () => {
    if (!collision) {
      return;
    }
    const { pending } = collision;
    setCollision(null);
    // The same Idempotency-Key: a repeated confirmation still sends one reply.
    const body = { ...pending.payload.body, confirmCollision: true };
    setTextState((now) => (now === pending.payload.text ? '' : now));
    void send({ ...pending, payload: { ...pending.payload, body } });
  };
  const keepBack = () => {
    setCollision(null);
    setFeedback({ kind: 'ok', text: t('collision.cancelled') });
  };

  const undo = () => {
    const taken = held.undo();
    if (taken) {
      setText(taken.text, taken.text.length);
      setFeedback({ kind: 'ok', text: t('ws.undo.done') });
    }
  };

  const insertSlash = () => {
    const at = box.current?.selectionStart ?? text.length;
    const before = text.slice(0, at);
    const slash = before === '' || /\s$/.test(before) ? '/' : ' /';
    const next = before + slash + text.slice(at);
    setText(next, at + slash.length);
    picker.follow(next, at + slash.length);
  };

  // `now` may lag by a tick when the countdown starts: never more than the whole delay.
  const secondsLeft = held.pending
    ? Math.min(UNDO_SECONDS, Math.max(1, Math.ceil((held.pending.sendsAt - now) / 1000)))
    : 0;

  return (
    <form
      className={`reply-box mode-${mode}`}
      onSubmit={(e) => submit(e)}
      aria-label={t('reply.label')}
      data-testid="reply-box"
    >
      {collision && <CollisionConfirm collision={collision.details} onSend={sendAnyway} onCancel={keepBack} />}
      {held.pending && (
        <div className="undo-toast" role="status" data-testid="undo-toast">
          <span>
            {held.pending.payload.closeAfter
              ? t('ws.undo.pendingClose', { seconds: secondsLeft })
              : t('ws.undo.pending', { seconds: secondsLeft })}
          </span>
          <button type="button" onClick={undo} data-testid="undo-send">
            {t('ws.undo.button')}
          </button>
          <button type="button" className="secondary" onClick={held.flush}>
            {t('ws.undo.sendNow')}
          </button>
          <span className="undo-bar" style={{ animationDuration: `${UNDO_SECONDS}s` }} aria-hidden="true" />
        </div>
      )}
      <div className="reply-tabs" role="radiogroup" aria-label={t('reply.label')}>
        {(['reply', 'note'] as const).map((m) => (
          <label key={m} className={mode === m ? 'tab active' : 'tab'}>
            <input type="radio" name="reply-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {m === 'reply' ? t('reply.modeReply') : t('reply.modeNote')}
          </label>
        ))}
        {mode === 'reply' && !needsTemplate && (
          <button type="button" className="secondary canned" onClick={insertSlash}>
            {t('ws.canned.button')}
          </button>
        )}
      </div>
      {needsTemplate ? (
        <ReplyTemplateFields value={template} onChange={setTemplate} />
      ) : (
        <div className="reply-text">
          <label htmlFor="reply-text" className="visually-hidden">
            {mode === 'reply' ? t('reply.label') : t('reply.modeNote')}
          </label>
          <textarea
            id="reply-text"
            ref={box}
            rows={3}
            value={text}
            placeholder={mode === 'reply' ? t('ws.reply.placeholder') : t('reply.notePlaceholder')}
            {...(mode === 'reply' ? picker.inputProps : {})}
            onChange={(e) => {
              setTextState(e.target.value);
              if (mode === 'reply') {
                picker.follow(e.target.value, e.target.selectionStart);
                if (e.target.value) {
                  onTyping?.();
                } else {
                  onIdle?.();
                }
              }
            }}
            onKeyDown={(e) => {
              if (mode === 'reply' && picker.onKeyDown(e)) {
                return;
              }
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                submit(undefined, e.shiftKey);
              }
            }}
            onBlur={() => picker.follow('', 0)}
          />
          {mode === 'reply' && picker.picker}
        </div>
      )}
      {mode === 'reply' && !needsTemplate && (
        <ReplyAttachmentPicker
          conversationId={conversation.id}
          privateReply={canPrivateReply && privateReply}
          value={files}
          onChange={setFiles}
        />
      )}
      <div className="reply-actions">
        {mode === 'reply' && isX && (
          <span className={tooLong ? 'counter over' : 'counter'} data-testid="x-counter" aria-live="polite">
            {t('reply.counter', { used, max: X_LIMIT })}
            {tooLong && ` — ${t('reply.tooLong', { max: X_LIMIT })}`}
          </span>
        )}
        {mode === 'reply' && canPrivateReply && (
          <label className="checkbox">
            <input type="checkbox" checked={privateReply} onChange={(e) => setPrivateReply(e.target.checked)} />
            {t('reply.private')}
          </label>
        )}
        <span className="muted small reply-hint">
          {mode === 'reply' ? t('ws.reply.shortcutHint') : t('reply.shortcutHint')}
        </span>
        {mode === 'reply' && conversation.status !== 'closed' && (
          <button
            type="button"
            className="secondary"
            disabled={empty || tooLong}
            onClick={() => submit(undefined, true)}
            data-testid="send-and-close"
          >
            {t('ws.reply.sendAndClose')}
          </button>
        )}
        <button type="submit" disabled={busy || empty || tooLong}>
          {busy ? t('reply.sending') : mode === 'reply' ? t('reply.send') : t('reply.sendNote')}
        </button>
      </div>
      {feedback && (
        <p role={feedback.kind === 'error' ? 'alert' : 'status'} className={feedback.kind === 'error' ? 'error' : 'ok'}>
          {feedback.text}
        </p>
      )}
    </form>
  );
}
