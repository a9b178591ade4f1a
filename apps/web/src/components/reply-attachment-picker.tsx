import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { useI18n } from '../i18n/i18n';

/** A file uploaded for the reply (POST …/reply-attachments), shown as a chip until the reply is sent. */
export interface ReplyUpload {
  id: string;
  type: string;
  mimeType: string;
  fileName: string | null;
  size: number;
}

interface MediaRule {
  type: string;
  mimeTypes: string[];
  maxBytes: number;
}

interface MediaLimits {
  allowed: boolean;
  rules: MediaRule[];
  maxCount: number;
}

const MB = 1024 * 1024;
/** Short names of the types the channels take, for the limits line and the messages. */
const TYPE_NAMES: Record<string, string> = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'application/pdf': 'PDF' };

/**
 * Attach photos and PDFs to a reply, within the conversation's channel limits: the limits are shown,
 * and a file of the wrong type or size is refused here, before it is uploaded (the server checks
 * again). Each uploaded file is a chip with a remove button.
 */
export function ReplyAttachmentPicker({
  conversationId,
  privateReply,
  value,
  onChange,
}: {
  conversationId: string;
  privateReply: boolean;
  value: ReplyUpload[];
  onChange: (next: ReplyUpload[]) => void;
}) {
  const { t, format } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [limits, setLimits] = useState<MediaLimits | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setLimits(null);
    setProblem(null);
    api
      .request<MediaLimits>(
        `/api/v1/conversations/${conversationId}/reply-attachments/limits${privateReply ? '?privateReply=true' : ''}`,
      )
      .then((next) => !cancelled && setLimits(next))
      .catch(() => !cancelled && setLimits({ allowed: false, rules: [], maxCount: 0 }));
    return () => {
      cancelled = true;
    };
  }, [conversationId, privateReply]);

  if (!limits?.allowed) {
    return null;
  }
  const typesOf = (rules: MediaRule[]) => [
    ...new Set(rules.flatMap((r) => r.mimeTypes.map((m) => TYPE_NAMES[m] ?? m))),
  ];
  const ruleText = limits.rules
    .map((r) => t('att.rule', { types: typesOf([r]).join('/'), size: format.number(r.maxBytes / MB) }))
    .join(' · ');

  const pick = async (files: FileList | null) => {
    setProblem(null);
    for (const file of Array.from(files ?? [])) {
      if (value.length >= limits.maxCount) {
        setProblem(t('att.tooMany', { max: limits.maxCount }));
        break;
      }
      const rule = limits.rules.find((r) => r.mimeTypes.includes(file.type));
      if (!rule) {
        setProblem(t('att.wrongType', { name: file.name, types: typesOf(limits.rules).join(', ') }));
        continue;
      }
      if (file.size > rule.maxBytes) {
        setProblem(t('att.tooLarge', { name: file.name, size: format.number(rule.maxBytes / MB) }));
        continue;
      }
      setUploading(file.name);
      try {
        const uploaded = await uploadFile(
          `/api/v1/conversations/${conversationId}/reply-attachments${privateReply ? '?privateReply=true' : ''}`,
          file,
        );
        value = [...value, uploaded];
        onChange(value);
      } catch (e) {
        setProblem(t('att.failed', { name: file.name, message: (e as Error).message }));
      } finally {
        setUploading(null);
      }
    }
    if (input.current) {
      input.current.value = '';
    }
  };

  return (
    <div className="reply-attachments">
      <button
        type="button"
        className="secondary"
        onClick={() => input.current?.click()}
        disabled={uploading !== null || value.length >= limits.maxCount}
        data-testid="attach-file"
      >
        {t('att.add')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        multiple={limits.maxCount > 1}
        accept={limits.rules.flatMap((r) => r.mimeTypes).join(',')}
        onChange={(e) => void pick(e.target.files)}
        data-testid="attach-input"
      />
      <span className="muted small">{t('att.limits', { rules: ruleText })}</span>
      {value.length > 0 && (
        <ul className="attachment-chips" aria-label={t('att.list')}>
          {value.map((file) => {
            const name = file.fileName ?? (file.type === 'image' ? t('att.photo') : t('att.pdf'));
            return (
              <li key={file.id} className="attachment-chip">
                <span>
                  {name} · {format.number(Math.max(0.1, file.size / MB), { maximumFractionDigits: 1 })} MB
                </span>
                <button
                  type="button"
                  className="link"
                  aria-label={t('att.remove', { name })}
                  onClick={() => onChange(value.filter((v) => v.id !== file.id))}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {uploading && (
        <span role="status" className="muted small">
          {t('att.uploading', { name: uploading })}
        </span>
      )}
      {problem && (
        <p role="alert" className="error small" data-testid="attach-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

/**
 * multipart/form-data with the bearer header (the API client always sends JSON), refreshing an
 * expired token once like ApiClient.request; the server's message on a refusal.
 */
async function uploadFile(path: string, file: File): Promise<ReplyUpload> {
  const post = (token: string | null) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const headers: Record<string, string> = {
      'accept-language': localStorage.getItem('civic-inbox.language') === 'en' ? 'en' : 'tr',
    };
    if (token) {
      headers.authorization = `Bearer ${token}`;
    }
    return fetch(path, { method: 'POST', body: form, headers });
  };
  let response = await post(api.current?.accessToken ?? null);
  if (response.status === 401) {
    response = await post(await api.freshToken());
  }
  const body = (await response.json().catch(() => null)) as (ReplyUpload & { message?: string }) | null;
  if (!response.ok || !body) {
    throw new Error(body?.message ?? String(response.status));
  }
  return body;
}
