import type { FormEvent } from 'react';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../api/client';
import { useCannedResponses } from '../api/queries/use-conversations';
import type { ConversationView, RenderedCannedResponse } from '../api/types';
import { useI18n } from '../i18n/i18n';

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
}

/** Reply or internal note; knows the channel's rules so the officer learns them before sending. */
export function ReplyBox({ conversation, onSent }: Props) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [text, setText] = useState('');
  const [privateReply, setPrivateReply] = useState(false);
  const [templateName, setTemplateName] = useState('');
  const [templateLanguage, setTemplateLanguage] = useState('tr');
  const [templateParams, setTemplateParams] = useState('');
  const canned = useCannedResponses().data ?? [];
  const [busy, setBusy] = useState(false);
  const [feedback, setFeedback] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    setText('');
    setFeedback(null);
    setPrivateReply(false);
  }, [conversation.id]);

  const isX = conversation.channel === 'twitter';
  const needsTemplate = mode === 'reply' && conversation.channel === 'whatsapp' && !conversation.replyWindow.open;
  const canPrivateReply =
    conversation.kind === 'public' && (conversation.channel === 'facebook' || conversation.channel === 'instagram');
  const used = isX ? xLength(text) : 0;
  const tooLong = mode === 'reply' && isX && used > X_LIMIT;
  const empty = needsTemplate ? !templateName.trim() : !text.trim();

  const applyCanned = async (id: string) => {
    if (!id) {
      return;
    }
    try {
      const rendered = await api.request<RenderedCannedResponse>(
        `/api/v1/canned-responses/${id}/render?conversationId=${conversation.id}`,
      );
      setText(rendered.text);
      setFeedback(
        rendered.missing.length
          ? { kind: 'error', text: t('reply.cannedMissing', { fields: rendered.missing.join(', ') }) }
          : null,
      );
    } catch (e) {
      setFeedback({ kind: 'error', text: t('common.error', { message: (e as Error).message }) });
    }
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (busy || empty || tooLong) {
      return;
    }
    setBusy(true);
    setFeedback(null);
    try {
      if (mode === 'note') {
        await api.request(`/api/v1/conversations/${conversation.id}/notes`, {
          method: 'POST',
          body: JSON.stringify({ text }),
        });
        setFeedback({ kind: 'ok', text: t('reply.noteSaved') });
      } else {
        const body = needsTemplate
          ? {
              template: {
                name: templateName.trim(),
                language: templateLanguage,
                parameters: templateParams
                  .split('\n')
                  .map((p) => p.trim())
                  .filter(Boolean),
              },
            }
          : { text, ...(canPrivateReply && privateReply ? { privateReply: true } : {}) };
        await api.request(`/api/v1/conversations/${conversation.id}/replies`, {
          method: 'POST',
          body: JSON.stringify(body),
          headers: { 'Idempotency-Key': crypto.randomUUID() },
        });
        setFeedback({ kind: 'ok', text: t('reply.sent') });
      }
      setText('');
      onSent();
    } catch (e) {
      const message = (e as Error).message;
      setFeedback({
        kind: 'error',
        text:
          e instanceof ApiError && e.status === 422 ? t('reply.refused', { message }) : t('common.error', { message }),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={`reply-box mode-${mode}`}
      onSubmit={(e) => void submit(e)}
      aria-label={t('reply.label')}
      data-testid="reply-box"
    >
      <div className="reply-tabs" role="radiogroup" aria-label={t('reply.label')}>
        {(['reply', 'note'] as const).map((m) => (
          <label key={m} className={mode === m ? 'tab active' : 'tab'}>
            <input type="radio" name="reply-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
            {m === 'reply' ? t('reply.modeReply') : t('reply.modeNote')}
          </label>
        ))}
        {mode === 'reply' && canned.length > 0 && (
          <label className="canned">
            <span className="visually-hidden">{t('reply.canned')}</span>
            <select aria-label={t('reply.canned')} value="" onChange={(e) => void applyCanned(e.target.value)}>
              <option value="">{t('reply.cannedNone')}</option>
              {canned.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {needsTemplate ? (
        <fieldset className="template" data-testid="template-picker">
          <legend>{t('reply.template')}</legend>
          <p className="warning">{t('reply.windowClosed')}</p>
          <label>
            {t('reply.templateName')}
            <input
              list="known-templates"
              value={templateName}
              onChange={(e) => setTemplateName(e.target.value)}
              required
            />
            <datalist id="known-templates">
              <option value="basvuru_alindi" />
              <option value="basvuru_sonuclandi" />
              <option value="bilgi_talebi" />
            </datalist>
          </label>
          <label>
            {t('reply.templateLanguage')}
            <select value={templateLanguage} onChange={(e) => setTemplateLanguage(e.target.value)}>
              <option value="tr">tr</option>
              <option value="en">en</option>
            </select>
          </label>
          <label>
            {t('reply.templateParams')}
            <textarea rows={2} value={templateParams} onChange={(e) => setTemplateParams(e.target.value)} />
          </label>
        </fieldset>
      ) : (
        <label className="reply-text">
          <span className="visually-hidden">{mode === 'reply' ? t('reply.label') : t('reply.modeNote')}</span>
          <textarea
            id="reply-text"
            rows={3}
            value={text}
            placeholder={mode === 'reply' ? t('reply.placeholder') : t('reply.notePlaceholder')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                void submit();
              }
            }}
          />
        </label>
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
        <span className="muted small">{t('reply.shortcutHint')}</span>
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
