import { signCasePayload, verifyCaseSignature } from './case-signature';

describe('case signature', () => {
  const body = Buffer.from('{"caseId":"1","status":"resolved","note":"Arıza giderildi"}');

  it('verifies its own signature on the raw bytes', () => {
    expect(verifyCaseSignature(body, signCasePayload(body, 'gizli'), 'gizli')).toBe(true);
  });

  it('refuses another secret, other bytes, a missing or malformed header', () => {
    const signature = signCasePayload(body, 'gizli');
    expect(verifyCaseSignature(body, signature, 'baska')).toBe(false);
    expect(verifyCaseSignature(Buffer.from(body.toString().replace('1', '2')), signature, 'gizli')).toBe(false);
    expect(verifyCaseSignature(body, undefined, 'gizli')).toBe(false);
    expect(verifyCaseSignature(body, signature.replace('sha256=', 'sha1='), 'gizli')).toBe(false);
    expect(verifyCaseSignature(body, [signature], 'gizli')).toBe(false);
  });

  it('matches a known HMAC-SHA256 vector', () => {
    expect(signCasePayload('', 'key')).toBe('sha256=5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0');
  });
});
