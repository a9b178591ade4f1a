import type { ExportQuery } from '@civic/domain';
import type { ExportMasking } from './export-sql';

export const MANIFEST_FILE = 'manifest.json';
export const SIGNATURE_FILE = 'manifest.sig';

/** manifest.json of an export bundle; manifest.sig is the base64 Ed25519 signature of its exact bytes. */
export interface ExportManifest {
  format: 'civic-inbox-export';
  version: 1;
  exportId: string;
  organizationId: string;
  exportedBy: { userId: string; label: string };
  exportedAt: string;
  query: ExportQuery;
  /** A contact data export (KVKK article 11 access request): the person's identities on every channel. */
  subject?: { type: 'contact'; contactIds: string[] };
  messageCount: number;
  conversationCount: number;
  /** The organization's audit chain head when the bundle was sealed (includes this export's request event). */
  auditChainHead: { seq: string; hash: string; eventId: string } | null;
  /** Personal data masked in this bundle (the organization's retention settings when it was built). */
  masking: ExportMasking;
  /** What the bundle leaves out and why (masking, PDF transcripts skipped for huge exports). */
  notes: string[];
  /** The organization's time zone: the local times of the Excel CSV, the PDF transcripts and README.txt. */
  timeZone?: string;
  /** Which conversation each PDF transcript holds (they are named by contact and date). */
  transcripts?: Array<{ path: string; conversationId: string; contactName: string | null }>;
  files: Array<{ path: string; sha256: string; size: number }>;
  signature: { algorithm: 'Ed25519'; publicKeyFingerprint: string; file: typeof SIGNATURE_FILE };
}
