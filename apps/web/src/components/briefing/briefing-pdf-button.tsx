import { useState } from 'react';
import { api } from '../../api/client';
import type { BriefingChoice } from '../../api/queries/use-briefing';
import { briefingQueryString } from '../../api/queries/use-briefing';
import { useI18n } from '../../i18n/i18n';

/** Fetches the PDF with the bearer token and hands it to the browser as a file (a link cannot carry the header). */
export function BriefingPdfButton({ choice }: { choice: BriefingChoice }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const token = await api.freshToken();
      const response = await fetch(`/api/v1/briefing.pdf?${briefingQueryString(choice)}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      if (!response.ok) {
        throw new Error(String(response.status));
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name ?? 'bilgi-notu.pdf';
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="briefing-pdf">
      <button type="button" onClick={() => void download()} disabled={busy} data-testid="briefing-pdf">
        {busy ? t('briefing.pdfBusy') : t('briefing.pdf')}
      </button>
      {failed && (
        <span className="small error" role="alert">
          {t('briefing.pdfFailed')}
        </span>
      )}
    </span>
  );
}
